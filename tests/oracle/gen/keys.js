// Rule 6 and rule 10's key order: templated keys, dropped keys, non-string key errors,
// duplicates, index-like keys, keys of results that come from jq.
'use strict';
module.exports = (add, {CTX_TEXT_EXTRA}) => {
  const objs = [
    {'{{ .b }}': 1}, {'{{ null }}': 1, k: 2}, {'{{ "" }}': 1, k: 2}, {'{{ empty }}': 1, k: 2},
    {'{{ .a }}': 1}, {'{{ .t }}': 1}, {'{{ .f }}': 1}, {'{{ .obj }}': 1}, {'{{ .arr }}': 1},
    {'{{ {a: 1} }}': 1}, {'{{ nan }}': 1}, {'{{ 0 }}': 1}, {'{{ [] }}': 1}, {'{{ .emptyObj }}': 1},
    {'{{ .a.b }}': 1, k: 2}, {'{{ foo( }}': 1, k: 2}, {'x{{ .a }}': 1}, {'{{ .a | tostring }}': 1, b: 2},
    {'{{ "k" }}': 1, k: 2}, {k: 1, '{{ "k" }}': 2}, {a: 1, '{{ "b" }}': 2, b: 3, '{{ "a" }}': 4},
    {b: 1, '{{ "5" }}': 2, a: 3, '{{ "1" }}': 4},
    {'': 1, k: 2}, {' ': 1}, {'{{ "__proto__" }}': {a: 1}}, {constructor: 1, toString: 2},
    {'{{ .missing }}': 1, k: 2}, {'  {{ .b }}  ': 1}, {'x{{ empty }}': 1}, {'{{ .b }} {{ .a }}': 1},
    {'{{ .ls }}': 1}, {'{{ .unicode }}': 1, '😀{{ .b }}': 2}, {'{{ .nul }}': 1}, {'{{ .ctl }}': 1},
    {'{{ .words[] }}': 1}, {'{{ "a", "b" }}': 1}, {'{{ error("bad key") }}': 1, k: 2},
    {'{{ error({}) }}': 1, k: 2}, {a: '{{ error("x") }}', '{{ 1 }}': 2}, {'{{ 1 }}': 2, a: '{{ error("x") }}'},
    {outer: {'{{ .b }}': {'{{ .a | tostring }}': '{{ .t }}'}}}, [{'{{ null }}': 1}, {'{{ .b }}': 2}],
    {'{{ .quote }}': 1}, {'{{ "}}" }}': 1}, {'{{ .obj | keys[0] }}': '{{ .obj.k1 }}'},
    {'{{ if .t then "yes" else null end }}': 1, '{{ if .f then "no" else null end }}': 2},
    {'{{ .b | ascii_upcase }}': '{{ .b }}', '{{ .b }}': 'dup'}, {'{{ .strNum }}': 1, z: 2, '{{ .b }}': 3},
    {a: 1, A: 2, 'ä': 3, '😀': 4, '\u0000': 5}, {'{{ "\\u0000x" }}': 1, '{{ "y\\u0000" }}': 2},
  ];
  for (const t of objs) add('keys', 'keys', t);
  // Index-like keys and __proto__ in the template text (a JS literal would reorder them).
  add('keys', 'keys', '{"10": 1, "2": 2, "a": 3, "0": 4}', {raw: true});
  add('keys', 'keys', '{"z": 0, "4294967294": 1, "4294967295": 2, "01": 3, "-1": 4, "1.5": 5, "1e3": 6, "9007199254740993": 7, "0": 8}', {raw: true});
  add('keys', 'keys', '{"b": "{{ .a }}", "{{ \\"3\\" }}": 1, "7": "{{ .b }}"}', {raw: true});
  add('keys', 'keys', '{"__proto__": {"a": 1}, "b": 2}', {raw: true});
  add('keys', 'keys', '{"__proto__": "{{ .b }}"}', {raw: true});
  // Duplicate keys in the template text itself (JSON.parse keeps the last value, first position).
  add('keys', 'keys', '{"a": 1, "b": 2, "a": 3}', {raw: true});
  add('keys', 'keys', '{"{{ .b }}": 1, "two": 2, "{{ .b }}": 3}', {raw: true});
  add('keys', 'keys', '{"x": {"k": 1}, "x": "{{ .b }}"}', {raw: true});
  // Keys of results computed by jq (insertion order, index-like keys first, NUL cuts).
  const results = [
    '{{ {b: 1, a: 2} }}', '{{ . + {a: 9} | {a, b, s} }}', '{{ .obj | del(.k1) | .k1 = 1 }}',
    '{{ .obj | to_entries }}', '{{ .obj | with_entries(.) }}', '{{ {"10": 1, "2": 2, "a": 3, "0": 4} }}',
    '{{ .idx }}', '{{ .idx | keys }}', '{{ .idx | keys_unsorted }}', '{{ .idx | to_entries | map(.key) }}',
    '{{ {"4294967294": 1, "4294967295": 2, "01": 3} }}', '{{ {"a\\u0000x": 1, "a\\u0000y": 2} }}',
    '{{ {"__proto__": 1, "b": 2} }}', 'x{{ {"z": 1, "1": 2} }}', '{{ [{"z": 1, "1": 2}] }}',
    '{{ .obj * {k4: {new: 1}} }}', '{{ {} | .z = 1 | .y = 2 | .["3"] = 3 }}', '{{ .idx | tojson }}',
  ];
  for (const t of results) add('keys', 'keys', t);
  add('keys', 'keys', '{{ . }}', {contextText: CTX_TEXT_EXTRA.idx});
  add('keys', 'keys', '{{ keys_unsorted }}', {contextText: CTX_TEXT_EXTRA.idx});
  add('keys', 'keys', {v: '{{ . }}', k: '{{ keys_unsorted }}', x: '{{ .__proto__ }}'}, {contextText: CTX_TEXT_EXTRA.proto});
  add('keys', 'keys', {v: '{{ . }}', k: '{{ keys }}'}, {contextText: CTX_TEXT_EXTRA.dup});
  add('keys', 'keys', {v: '{{ . }}', k: '{{ keys }}', b: '{{ .b }}'}, {contextText: CTX_TEXT_EXTRA.nulkeys});
};
