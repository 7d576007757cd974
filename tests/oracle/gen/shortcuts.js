// The expressions porthole answers without compiling jq (src/template/jqshortcut.cpp): plain
// paths, literals, `//`, `if … then … elif … else … end` and parentheses over them. Each one
// must render exactly as Port does, value or error, in every context jq reads differently:
// numbers JSON.parse rounds, index-like and __proto__ keys, NUL in keys, scalar documents.
// A few neighbours jq 1.6 lexes unexpectedly (`.e21` is a number literal) are here too.
'use strict';
module.exports = (add, {CTX_TEXT_EXTRA}) => {
  const paths = [
    '.', '.a', '.b', '.s', '.n', '.t', '.f', '.zero', '.num', '.neg', '.arr', '.arr[0]', '.arr[5]',
    '.words[1]', '.mixed[4][0]', '.mixed[5].k', '.mixed[2].x', '.objs[1].name', '.obj.k4.deep',
    '.obj["k3"][1]', '.obj."k1"', '.idx."10"', '.idx["0"]', '.nested.a.b.c[1].d', '."hyphen-key"',
    '.["with space"]', '.outputs.trigger.service', '.outputs["my-node"].response.data.ok',
    '.secrets["deploy-token"]', '.missing', '.missing.deeper', '.missing[3]', '.b.x', '.arr.x',
    '.arr["x"]', '.obj[0]', '.s[0]', '.n[0]', '.n.x', '.t.x', '.num.x', '.unicode', '.emoji', '.nul',
    '.ctl', '.ls', '.emptyStr', '.emptyArr', '.emptyObj', '.quote', '.html', '.arr[007]',
    '.words[99999999]', '.if', '.then', '.end', '.e', '.e1x', '.e21', '.E1', '.obj.e1', '.a .b',
    '.a.[0]', '..', '.5',
  ];
  const literals = ['"lit"', '""', '"é ✓ 😀"', '1.5', '0', '007', '12345678901234567890', '0.1',
    '1e21', 'null', 'true', 'false', '"}}"', "'single'", '(1)', '( "x" )'];
  const alternatives = [
    '.n // "d"', '.f // .zero', '.missing // .b // 1', '.b.x // 1', '.emptyStr // "e"', '.zero // 5',
    '.emptyArr // 1', '.n // null', '.n // false', '.f // .n', ".n // 'dflt'", '(.n // .f) // "x"',
    '.missing.deeper // .arr[1]', '.n //.a', '.n//.a',
  ];
  const conditionals = [
    'if .t then "y" else "n" end', 'if .n then 1 elif .f then 2 elif .zero then 3 else 4 end',
    'if .b.x then 1 else 2 end', 'if .missing // .t then .s else .b end',
    'if .emptyStr then "empty string is true" else "no" end', 'if (.n) then"a"else"b"end',
    'if.t then.a else.b end', 'if .t then if .f then 1 else 2 end else 3 end',
    'if .outputs.trigger.region then "region" else null end', 'if .t then 1 end',
    'if .t then .b.x else 0 end', 'if .f then .b.x else .obj end',
  ];
  for (const e of [...paths, ...literals, ...alternatives, ...conditionals])
    add('shortcuts', 'shortcuts', `{{ ${e} }}`);
  // In text, in keys, and as the only template of a typed value.
  add('shortcuts', 'shortcuts', {text: 'x{{ .a }}y{{ .n // "none" }}z', svc: '{{ .outputs.trigger.service }}@{{ .outputs.trigger.version }}'});
  add('shortcuts', 'shortcuts', {'{{ if .t then "k" else null end }}': '{{ .a }}', '{{ .b }}': '{{ .obj.k4 }}', '{{ .n // "d" }}': 1});
  add('shortcuts', 'shortcuts', ['{{ .arr }}', '{{ .missing }}', 'n={{ .num }}', '{{ .b.x // 1 }}']);
  // The contexts whose text matters, each with the paths that reach into it.
  const texts = {
    big: ['.big', '.huge', '.negzero', '.tiny', '.e21', '.small', '.pi', '.big // 0', 'if .negzero then 1 else 2 end'],
    dup: ['.a', '.b', '.a // .b'],
    lone: ['.lone', '.pair', '.rev', '.missing // 1', '"lit"'],
    idx: ['.z', '."10"', '.["2"]', '."01"', '."-1"', '.["4294967295"]', '.[0]', '.a'],
    proto: ['."__proto__"', '."__proto__".x', '.constructor', '.["__proto__"] // 1'],
    nulkeys: ['.b', '.a', '.["a"]'],
    scalar: ['.', '.a', '.[0]', '. // 1', 'if . then . else 0 end'],
    str: ['.', '.a', '.[0]', '.a // "x"'],
    arr: ['.[0]', '.[2].three', '.[1]', '.[9]', '.a', '.[2]["three"]'],
    nul: ['.', '.a', '.[0]', '.a.b // "d"', 'if . then 1 else 2 end'],
  };
  for (const [name, exprs] of Object.entries(texts))
    for (const e of exprs) add('shortcuts', 'shortcuts', `{{ ${e} }}`, {contextText: CTX_TEXT_EXTRA[name]});
};
