// Cases checked against written expectations instead of the oracle: the oracle crashes on
// them (`input`, `debug`, `gsub("")`), or npm 0.0.12 predates the feature (`spreadValue`,
// port-reference.md §2 rule 6).
'use strict';
module.exports = (add) => {
  // `input` (and friends) must be an error: null in lenient mode, exit 1 in strict mode.
  const err = (lenientStdout) => (mode) => (mode === 'strict' ? {exit: 1} : {exit: 0, stdout: lenientStdout});
  add('ours-only', 'ours-only', '{{ input }}', {expect: err('null\n')});
  add('ours-only', 'ours-only', 'x{{ input }}y', {expect: err('"xnully"\n')});
  add('ours-only', 'ours-only', {k: '{{ input }}', a: '{{ .a }}'}, {expect: err('{"k":null,"a":1}\n')});
  add('ours-only', 'ours-only', ['{{ input | .a }}'], {expect: err('[null]\n')});
  add('ours-only', 'ours-only', '{{ [input, 1] }}', {expect: err('null\n')});
  add('ours-only', 'ours-only', '{{ first(input) }}', {expect: err('null\n')});
  // Crash the oracle; ours must neither crash nor hang (any answer, exit 0 or 1).
  for (const t of ['{{ debug }}', '{{ 1 | debug }}', 'x{{ {a: 1} | debug }}', '{{ "ab" | gsub(""; "x") }}',
                   '{{ [inputs] }}', '{{ input_line_number }}']) {
    add('ours-only', 'ours-only', t, {expect: {anyOutcome: true}});
  }

  // spreadValue: the key `{{ spreadValue() }}` (whitespace allowed) merges the rendered
  // value's entries into the parent object, in place; later keys win.
  const ok = (stdout) => ({expect: {exit: 0, stdout: stdout + '\n'}});
  add('spread', 'spread', {'{{ spreadValue() }}': '{{ .obj }}'}, ok('{"k1":"v1","k2":2,"k3":[1,2],"k4":{"deep":true}}'));
  add('spread', 'spread', {a: 1, '{{ spreadValue() }}': '{{ {b: 2, c: 3} }}', d: 4}, ok('{"a":1,"b":2,"c":3,"d":4}'));
  add('spread', 'spread', {'{{ spreadValue() }}': '{{ {a: 2} }}', a: 1}, ok('{"a":1}'));
  add('spread', 'spread', {a: 1, '{{ spreadValue() }}': '{{ {a: 2} }}'}, ok('{"a":2}'));
  add('spread', 'spread', {'  {{  spreadValue(  )  }}  ': '{{ {x: .b} }}'}, ok('{"x":"two"}'));
  add('spread', 'spread', {'{{spreadValue()}}': {lit: '{{ .a }}', n: 5}}, ok('{"lit":1,"n":5}'));
  add('spread', 'spread', {outer: {'{{ spreadValue() }}': '{{ .outputs.trigger }}', extra: true}},
      ok('{"outer":{"service":"payments-api","version":"2.4.1","environment":"production","count":3,"extra":true}}'));
  add('spread', 'spread', [{'{{ spreadValue() }}': '{{ {i: 0} }}'}, {'{{ spreadValue() }}': '{{ {i: 1} }}'}], ok('[{"i":0},{"i":1}]'));
  add('spread', 'spread', {'{{ spreadValue() }}': '{{ {} }}', k: 'v'}, ok('{"k":"v"}'));
  add('spread', 'spread', {z: 0, '{{ spreadValue() }}': '{{ {"1": "one", y: 2} }}'}, ok('{"1":"one","z":0,"y":2}'));
  add('spread', 'spread', {'{{ spreadValue() }}': {e: '{{ empty }}', f: 1}, k: 1}, ok('{"f":1,"k":1}'));
  add('spread', 'spread', {'{{ spreadValue() }}': '{{ {n: null} }}'}, ok('{"n":null}'));
  // Only the exact keyword is a spread: anything else is an ordinary templated key.
  add('spread', 'spread', {'x{{ spreadValue() }}': 1, k: 2}, {expect: (m) => (m === 'strict' ? {exit: 1} : {exit: 0, stdout: '{"xnull":1,"k":2}\n'})});
  add('spread', 'spread', {'{{ spreadValue(1) }}': 1, k: 2}, {expect: (m) => (m === 'strict' ? {exit: 1} : {exit: 0, stdout: '{"k":2}\n'})});
  // The value must render to an object.
  for (const v of ['{{ "text" }}', '{{ 1 }}', 'plain', '{{ true }}', 42]) {
    add('spread', 'spread', {'{{ spreadValue() }}': v}, {expect: {exit: 1}});
  }
  add('spread', 'spread', {'{{ spreadValue() }}': '{{ empty }}'}, {expect: {exit: 1}});
  add('spread', 'spread', {'{{ spreadValue() }}': '{{ {e: empty} }}', k: 1}, {expect: {exit: 1}});
};
