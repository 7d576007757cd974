// Rules 1-8 of port-reference.md §2: the brace scanner, typed vs interpolated templates,
// `empty`, single-quote rewriting, the hidden environment, first output only, documents.
'use strict';
module.exports = (add) => {
  // --- rule 5: the brace scanner (its errors are thrown in lenient mode too) ---
  const scanner = [
    '{{ .a', 'abc {{ .a', '}}', 'a }}', '{{ .a }} }}', '}} {{ .a }}', '{{ .a {{ .b }} }}',
    '{{ .a }} {{', '{{ .a }}{{', 'x{{', 'x}}y', '{{{{ .a }}}}', '{{ {{ }}',
    'é{{ .a', '😀{{ .a', '😀😀 }}', 'ü😀 {{ {{', '日本語 }} {{', '😀{{ .a }} {{ .b', '\u00e9\u0301 }}',
    '{{ "}}" }}', '{{ "{{" }}', "{{ '}}' }}", "{{ '{{' }}", '{{ "a\\"}}" }}', '{{ "\\\\" }}',
    '{{ "x" }}"}}"', '"}}"', '"{{"', '{{ "unterminated }}', "{{ 'unterminated }}",
    '{{ "it\'s" }}', '{{ "mixed \'quotes\' }}" }}', '{{ \'a"b\' }}',
    '{{ .a \\}} }}', '{{ .a \\}}', '\\{{ .a }}', '{{ .a }}\\}}', '\\\\{{ .a }}',
    '{{{.a}}}', 'x{{{.a}}}y', 'x{{ {a:.a}}}y', '{{.a}}}', '{{{ .a }}', '{{ .a }}}}', 'x}}}y',
    '{{{', '}}}', '{{{{', '}}}}', '{{}}', '{{ }}', '{ {.a} }', '{.a}', '{{ .a }}{{ .b }}',
    '{{ .a}}{{.b }}', '{{.a}}x{{.b}}', '{{ {a: 1} }}', '{{ {a: {b: 1}} }}', '{{ {"a": "}}"} }}',
    '{{ [.arr[] | {v: .}] }}', '{{ "\\(.a)}}" }}', 'prefix {{ .a }} middle {{ .b }} suffix',
    'a{b}c{{ .a }}', 'x{y{{ .a }}}z', '{{ .b }}{', '}{{ .a }}', '{{ .a }}}{', '{{ "\\"" }}}}',
    'long text before the brace: ' + 'lorem ipsum '.repeat(12) + '{{ .a',
  ];
  for (const t of scanner) add('rules', 'scanner', t);
  // The scanner inside documents: keys, nested values, the first error in document order
  // (index-like keys are visited first).
  add('rules', 'scanner', {'{{ .a': 1});
  add('rules', 'scanner', {x: ['ok', '}}']});
  add('rules', 'scanner', {b: '{{', '1': '}}'});
  add('rules', 'scanner', ['{{ .a }}', {deep: {deeper: 'x {{ y'}}]);
  add('rules', 'scanner', {'a}}': '{{ .a }}'});

  // --- rule 3/4: typed whole-string templates vs interpolation (JS String.prototype.trim) ---
  const typed = [
    '{{ .a }}', '  {{ .a }}  ', '\n{{ .obj }}\t', 'x{{ .a }}', '{{ .a }}x', '{{ .a }}{{ .a }}',
    '{{ .obj }} ', '{{ .arr }}', '{{ .n }}', '{{ .t }}', '{{ .f }}', '{{ .b }}', 'a{{ .obj }}b',
    'a{{ .n }}b', 'a{{ .missing }}b', '{{ .b }}{{ .obj }}', 'x{{ "\\"q\\"" }}', 'x{{ 1.0 }}',
    '{{ .arr }}-{{ .t }}', '{{.a}}', '{{\n.a\n}}', '\u00a0{{ .a }}\u00a0', '\u2028{{ .a }}\u2029',
    '\ufeff{{ .a }}', '\u200b{{ .a }}', '\u0085{{ .a }}', '\u3000{{ .obj }}\u3000', '\u180e{{ .a }}',
    '\r\n{{ .a }}\r\n', '\u000b{{ .a }}\f', '{{ .mixed }}', 'x{{ .mixed }}', 'x{{ .quote }}',
    'x{{ .ctl }}', '{{ .ctl }}', 'x{{ .f }}{{ .zero }}', '{{ .s }}!', '{{ .objs[0] }}', 'v{{ .objs[0] }}',
    '{{ .emptyStr }}', 'x{{ .emptyStr }}y', '{{ .emptyArr }}', 'x{{ .emptyObj }}', '{{ "" }}',
    '{{ . }}', 'ctx={{ .idx }}', '{{ .idx }}',
  ];
  for (const t of typed) add('rules', 'typed', t);

  // --- rule 8: `empty` gives undefined, wherever it lands ---
  const empties = [
    '{{ empty }}', {a: '{{ empty }}', b: 1}, ['{{ empty }}', 1], 'x{{ empty }}y', {a: ['{{ empty }}']},
    {a: {b: '{{ empty }}'}}, '{{ .a | select(. > 5) }}', '{{ .arr[] | select(. > 5) }}',
    {'{{ empty }}': 1, b: 2}, ['{{ empty }}'], '{{ [empty] }}', '  {{ empty }}  ',
    '{{ empty }}{{ empty }}', '{{ first(empty) }}', '{{ limit(0; 1, 2) }}', {a: '{{ error({}) }}'},
    ['{{ halt }}', 2], '{{ .arr | .[] | empty }}', '{{ empty }} ', 'n={{ .n }} e={{ empty }}',
    {a: '{{ empty }}', b: '{{ empty }}'}, [[['{{ empty }}']]], '{{ if .t then empty else 1 end }}',
    '{{ .missing // empty }}', '{{ .a // empty }}', '{{ .obj[] | select(type == "object") }}',
  ];
  for (const t of empties) add('rules', 'empty', t);

  // --- rule 7: single quotes that open or close a string become double quotes ---
  const quotes = [
    "{{ 'abc' }}", "{{ 'a b' }}", "{{ ' a' }}", "{{ 'a ' }}", "{{ 'it's' }}", "{{ \"it's\" }}",
    "{{ \"x\" + 'y' }}", "{{ ['a','b'] }}", "{{ [ 'a' , 'b' ] }}", "{{ .b == 'two' }}", "{{'a'}}",
    "{{ 'a\"b' }}", "{{ \"'\" }}", "{{ \" 'x' \" }}", "{{ .b | test('t.o') }}",
    "{{ .b | test( 't.o' ) }}", "{{ 'x'|ascii_upcase }}", "{{ 'x' | ascii_upcase }}", "{{ 'don''t' }}",
    "{{\n'a'\n}}", "{{\t'a'\t}}", "{{ 'a' + 'b' }}", "{{ {'k': 1} }}", "{{ { 'k' : 1 } }}",
    "x{{ 'y' }}z", "{{ '' }}", "{{ ' ' }}", "{{ '\"' }}", "{{ .obj | has('k1') }}",
    "{{ .obj | has( 'k1' ) }}", "{{ 'a'\n}}", "{{ \"a\" }} 'b' {{ 'c' }}", "'{{ .b }}'",
    "{{ .words | map(select(. == 'apple' )) }}", "{{ .b | . + 'x' }}", "{{ 'é' }}",
  ];
  for (const t of quotes) add('rules', 'quotes', t);

  // --- rule 7: env and $ENV are hidden ---
  const envs = [
    '{{ env }}', '{{ $ENV }}', '{{ env.PATH }}', '{{ $ENV.HOME }}', '{{ env | length }}',
    '{{ def env: 1; env }}', '{{ [env, $ENV] }}', '{{ $ENV | keys }}', '{{ "\\(env)" }}',
    'home={{ $ENV.HOME }}', '{{ env.TZ }}', '{{ {} as $ENV | $ENV }}',
  ];
  for (const t of envs) add('rules', 'env', t);

  // --- rule 8: only the first output counts ---
  const firsts = [
    '{{ 1, 2 }}', '{{ .arr[] }}', '{{ range(5) }}', 'x{{ .arr[] }}y', {'{{ ("a", "b") }}': 1},
    '{{ (empty, 2) }}', '{{ (error("x"), 1) }}', '{{ (1, error("x")) }}', '{{ .arr[] | select(. > 1) }}',
    '{{ "\\(1, 2)" }}', '{{ .objs[].name }}', '{{ (null, 1) }}', '{{ recurse }}', '{{ .words[] }}{{ .arr[] }}',
    '{{ repeat(1) }}', '{{ range(1e9) }}', '{{ limit(3; repeat("x")) }}',
  ];
  for (const t of firsts) add('rules', 'first', t);

  // --- rules 1/2: whole documents (non-strings unchanged, structure kept) ---
  const docs = [
    ['1', true], ['"plain"', true], ['null', true], ['true', true], ['[]', true], ['{}', true],
    ['[1, "a", null, false, {"b": [2, {"c": "d"}]}]', true], ['"no braces { here } at all"', true],
    ['{"a": 1, "b": [true, null], "c": {"d": "e"}}', true], ['[[[[[[[[[["{{ .a }}"]]]]]]]]]]', true],
    ['{"x": "{{ .a }}", "y": ["{{ .b }}", 2, {"z": "{{ .t }}"}], "w": null, "v": 1.5}', true],
    ['"{ {{ .a }} }"', true], ['" "', true], ['""', true], ['[""]', true], ['{"": ""}', true],
  ];
  for (const [t] of docs) add('rules', 'document', t, {raw: true});
  const wide = {};
  for (let i = 0; i < 60; i++) wide[`k${i}`] = i % 3 ? `{{ .arr[${i % 3}] }}` : `v${i}-{{ .b }}`;
  add('rules', 'document', wide);
  let deep = '{{ .nested }}';
  for (let i = 0; i < 40; i++) deep = {d: deep};
  add('rules', 'document', deep);
  add('rules', 'document', '{{ .a }}', {noContext: true});
  add('rules', 'document', {v: '{{ . }}', t: '{{ type }}'}, {contextText: 'null'});
  add('rules', 'document', {v: '{{ . }}', t: '{{ type }}'}, {contextText: '42'});
  add('rules', 'document', {v: '{{ .[2] }}', t: '{{ type }}'}, {contextText: '[1, "two", {"three": 3}]'});
  add('rules', 'document', {v: '{{ . }}', t: '{{ length }}'}, {contextText: '"just a string"'});
};
