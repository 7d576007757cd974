// Strings: non-ASCII, emoji, lone surrogates (template text, context, jq escapes), U+2028,
// control characters, and the NUL cut of rule 11.
'use strict';
module.exports = (add, {CTX_TEXT_EXTRA}) => {
  const strs = [
    'héllo {{ .a }} ✓', '😀 {{ .b }} 👍🏽', '{{ .unicode }}', '{{ .unicode | length }}', '{{ .unicode | utf8bytelength }}',
    '{{ .unicode | explode }}', '{{ [128512] | implode }}', '{{ "\\ud83d\\ude00" }}', '{{ "\\ud800" }}', '{{ "\\udc00x" }}',
    '{{ "\\udc00\\ud800" }}', '{{ "\\u2028\\u2029" }}', '{{ .ls }}', 'x{{ .ls }}', '{{ "\\u0001\\u001f\\u007f\\u0080\\u009f" }}',
    '{{ "\\b\\f\\n\\r\\t\\"\\\\/" }}', '{{ .ctl }}', 'x{{ .ctl }}y', '{{ .unicode | ascii_downcase }}', '{{ "ÉCOLE école" | ascii_downcase }}',
    '{{ "straße" | ascii_upcase }}', '{{ .unicode | @uri }}', '{{ .unicode | @base64 }}', '{{ .unicode | @base64 | @base64d }}',
    '{{ "é" | test("\\\\w") }}', '{{ "日本" | test("^\\\\p{Han}+$") }}', '{{ .unicode | .[0:3] }}', '{{ .unicode | .[-3:] }}',
    '{{ .unicode | split("") }}', '{{ .unicode | indices("o") }}', '{{ .unicode | index("w") }}', '{{ .emoji | length }}',
    '{{ .emoji | explode }}', '{{ .emoji | .[1:] }}', '{{ .unicode | @json }}', '{{ .unicode | @html }}', '{{ .unicode | @sh }}',
    '{{ .unicode | @csv }}', '{{ [.unicode] | @csv }}', '{{ [.unicode, .ctl] | @tsv }}', '{{ [65535, 65534, 1114111] | implode }}',
    '{{ [55296] | implode }}', '{{ [56320, 55296] | implode }}', '{{ [1114112] | implode }}', '{{ [0] | implode }}',
    '{{ "\\u0000" | length }}', '{{ {"k\\u0000x": 1} }}', '{{ "a\\u0000b" | length }}', '{{ .nul }}', '{{ .nul | length }}',
    '{{ [.nul] }}', 'x{{ .nul }}y', '{{ .nul | tojson }}', '{{ .nul | @json }}', '{{ {v: .nul} }}', '{{ .nul | explode }}',
    '{{ .nul + "c" }}', '{{ "\\u0000abc" }}', '{{ .nul | ascii_upcase }}', '{{ .nul | split("\\u0000") }}',
    '{{ "ab" | .[1:] }}', '{{ "e\\u0301" | length }}', '{{ "ﬃ" | ascii_upcase }}', '{{ "\\uFEFFbom" }}',
    '{{ "tab\\tend" | @text }}', '{{ "\\u001b[31mred" }}', '{{ "\\ud83d" + "\\ude00" }}', '{{ "x" * 0 }}',
    '{{ "€" | @base64 }}', '{{ "4oKs" | @base64d }}', '{{ "/w==" | @base64d }}', '{{ "gA==" | @base64d | explode }}',
    '{{ "abc" | @base64d }}', '{{ "%C3%A9" }}', '{{ .uri | @uri }}', '{{ "\\u00e9" == "é" }}',
  ];
  for (const t of strs) add('unicode', 'unicode', t);
  // Lone surrogates and other oddities in the template text itself (not in jq).
  const raws = [
    '"a\\ud800b {{ .a }}"', '"\\udc00"', '"\\ud800{{ .b }}"', '{"\\ud800": "{{ .a }}"}', '"{{ \\"\\ud800\\" }}"',
    '"{{ \\"\\\\ud800\\" }}"', '"\\u2028{{ .a }}\\u2029x"', '"\\u0000{{ .a }}"', '"a\\u0000b"', '{"a\\u0000b": 1}',
    '"\\u001f\\u007f\\u0080 {{ .a }}"', '"{{ \\"\\u0000\\" }}"', '"😀{{ .b }}"', '"\\ud83d\\ude00 }}"',
    '"\\ud83d\\ude00\\ud83d\\ude00{{ .a"', '"\\ud800 {{"', '["\\u00e9", "e\\u0301", "{{ .unicode }}"]',
  ];
  for (const t of raws) add('unicode', 'unicode', t, {raw: true});
  // Lone surrogates and NULs in the context (JSON.stringify, then jq's parser).
  for (const e of ['.lone', '.pair', '.rev', '.lone | length', '.lone | explode', 'x{{ .lone }}']) {
    add('unicode', 'unicode', e.startsWith('x') ? e : `{{ ${e} }}`, {contextText: CTX_TEXT_EXTRA.lone});
  }
  for (const e of ['.', 'keys', '.b', '.b | length', 'to_entries']) {
    add('unicode', 'unicode', `{{ ${e} }}`, {contextText: CTX_TEXT_EXTRA.nulkeys});
  }
};
