// Rule 9 (lenient: errors become null; strict: they are raised) and rule 11's quirks of the
// published binding (error(non-string), halt, message buffers, NUL cut in messages).
'use strict';
module.exports = (add) => {
  const compile = [
    'now | date "2006-01-02T15:04:05Z"', '.a |', '(', 'foo', '.a.[0]', 'if .a then 1 end', 'pick(.a)', 'abs',
    'toarray', 'trim', '$undefinedvar', '.outputs.my-node.field', '@foo "x"', '1/0', '{a b}', '.[', 'def f: ; f',
    'reduce . as $x', '. as [$a, $b] |', '"\\(1"', '"\\q"', 'ltrimstr', 'range(1;2;3;4)', '.a | upper',
    'printf "%s" .a', '.Values.x', 'add_duration("1h")', 'import "a" as a; .', 'include "a"; .', '..a', '.a..b',
    '$__prog_args', 'error(', 'label $f | break $g', 'getpath', '.a as $x | $y', 'try', '[.[] |]',
    '{(1): 2}', '"\\u12"', 'splits', 'input_line_number(1)', 'debug(1)', 'scan("a"; "g")', 'limit(1)',
    '.a // // .b', 'if . then 1 elif . then 2 end', '1 as $x | 2 as $y', '?', 'and', '.a | .b = ',
  ];
  for (const e of compile) {
    add('errors', 'errors', `{{ ${e} }}`);
    if (compile.indexOf(e) % 4 === 0) add('errors', 'errors', `x {{ ${e} }} y`);
  }
  const runtime = [
    '.a.b', '.b + 1', '{} | .[0]', '[] | .a', '.a / 0', '.b | tonumber', '"{" | fromjson', '.b | implode',
    '.arr["x"]', '.obj | .[]  | .+1', 'error("multi\\nline")', 'error("")', 'error("a\\u0000b")', 'error("é😀")',
    'error("x" * 5000)', 'error("é" * 3000)', 'error(1)', 'error([1])', 'error(true)', 'error(false)', 'error("x"; 1)',
    '"abc" | error', '{} | error', 'null | error', 'error(null)', 'error({a: 1})', '.t | error',
    'try error("x") catch .', 'try error({a: 1}) catch .', '.a?', 'try (.a.b) catch .', '(.b | tonumber)? // "default"',
    '.b | test(1)', '.b | test("(")', '.b | test("a"; "zz")', '.arr | join(1)', '.objs | sort_by(.v) | .[0].v.x',
    '[1] | implode', '"x" | explode | implode | tonumber', '.obj | keys | .[0] | .[1]', '.arr | .[1.5]',
    '.arr | .[null]', '{} | has(1)', '[] | has("a")', '.obj | ltrimstr("x")', 'null | keys', '1 | length',
    'true | length', '"abc" | .[0]', '.objs | group_by(.v.x)', '.n | not | not', 'splits("a")', '[.[]] | sort_by(1;2)',
    'tojson | fromjson | .a.b', 'input_line_number', 'input_filename', '$__loc__', 'get_search_list', 'get_jq_origin',
    'get_prog_origin', 'modulemeta', '"x" | modulemeta', 'halt', 'halt_error', '"bye" | halt_error', '{} | halt_error',
    'halt_error(1)', '"x" | halt_error(0)', '[1, halt]', '{a: halt}', '"\\(halt)"', 'try halt catch "c"', 'try error({}) catch "c"',
    'first(error({}), 1)', '[error({})]', '[.[] | error({})]', 'error("x") | 1', '1, error({})', '[limit(2; 1, error("e"))]',
    'stderr | .a', 'ltrimstr(1)', 'rtrimstr(null)', 'startswith(1)', '"x" | startswith(1)', 'splits(1)', 'ascii_downcase',
    'fromjson', '"[1,2" | fromjson', '"nan" | fromjson', '"1 2" | fromjson', 'tostream | .a', 'getpath(["a", "b", "c"])',
    'getpath(["s", 0])', 'setpath(["s", 0]; 1)', 'delpaths([["a", "x"]])', 'del(.a.x)', 'to_entries', 'from_entries',
    '[1, 2] | from_entries', '"x" | @csv', '[{}] | @csv', '[[1]] | @tsv', '{} | @sh', '[[1]] | @sh', '"%zz" | @base64d',
  ];
  for (const e of runtime) add('errors', 'errors', `{{ ${e} }}`);
  // In interpolations and deeper in documents: lenient null, strict the first error.
  const inter = [
    'x{{ .a.b }}y', 'x{{ foo }}y', 'x{{ error("x") }}y{{ error("z") }}', 'x{{ error({}) }}y', 'x{{ halt }}y',
    {a: '{{ .a.b }}', b: ['{{ foo }}', '{{ .b }}']}, {first: '{{ error("one") }}', second: '{{ error("two") }}'},
    ['{{ .a }}', '{{ error("in array") }}', '{{ .b }}'], {k: {'{{ foo }}': 1}, v: 2},
  ];
  for (const t of inter) add('errors', 'errors', t);
};
