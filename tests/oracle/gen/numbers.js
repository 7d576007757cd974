// Rule 10: numbers are IEEE doubles printed the JavaScript way, in the template document,
// in the context and in jq's results; jq's own printing (tostring/tojson) stays jq's.
'use strict';
module.exports = (add, {CTX_TEXT_EXTRA}) => {
  // The template document's own numbers (JSON.parse, then JSON.stringify).
  const docs = [
    '1e21', '1e-7', '-0', '12345678901234567890', '1e400', '-1e400', '0.1', '1.0', '1E2', '5e-324',
    '2e-324', '1.7976931348623157e308', '[1e21, 1e-7, 0.000001, 123e-20, 100, 1e+300, 1e20, 1e-6]',
    '{"a": -0.0, "b": 0e5, "c": -1e-400}', '0.30000000000000004', '9007199254740993',
    '[123456789012345680000, 0.1e1, 100e-2, 1.5e+3]', '{"n": 1e400, "s": "{{ .a }}"}',
    '[2.5e-7, 1e-5, 0.00001234, 4.9e-324, 1.2345678901234567890]',
  ];
  for (const t of docs) add('numbers', 'numbers', t, {raw: true});

  // jq results converted to JavaScript numbers.
  const exprs = [
    '1e21', '1e-7', '0.1 + 0.2', '-0', '12345678901234567890', '1e400', 'nan', 'infinite', '-infinite',
    '[nan, infinite, -infinite]', '{a: nan}', '100000000000000000000', '1e-6', '0.000001',
    '123456789.123456789', '1/3', '3.0', '4.35 * 100', '1.005 * 1000 | floor', 'pow(2; 64)',
    'pow(2; 53) + 1', '5e-324', '5e-324 / 2', '1.7976931348623157e308 * 10', '-1 | sqrt',
    '[1, nan] | sort', 'nan < nan', '[nan] | .[0] == .[0]', '1e300 * 1e300 | isinfinite', '1e17', '123e-20',
    '0.1e-6', '-1e-7', '1.5e-10 * 2', '-(0)', '0 * -1', '[-0, 0]', '.big', '.huge', '.negzero', '.tiny',
    '.e21', '.small', '.pi', '.big + 1', '.big == 12345678901234567000', '[.huge]', '.huge | type',
    '1e-7 | floor', '2.5 | round', '-2.5 | round', '0.5 | nearbyint', '10 / 4', '7 % 3', '-7 % 3',
    '5.9 % 2', '1e10 % 7', '255 | tostring', '1 / 7 * 7',
  ];
  for (const e of exprs) add('numbers', 'numbers', `{{ ${e} }}`, {contextText: CTX_TEXT_EXTRA.big});
  // The same values interpolated into text (JSON.stringify inside a string).
  const inter = ['nan', 'infinite', '-infinite', '1e21', '-0', '0.1+0.2', '1e-7', '12345678901234567890',
                 '.big', '.huge', '[1e21, -0]', '{x: 1e-7}', '100', '1.5', '1e100'];
  for (const e of inter) add('numbers', 'numbers', `n={{ ${e} }}`, {contextText: CTX_TEXT_EXTRA.big});
  // jq's own number printing.
  const jqPrint = [
    'nan | tostring', 'infinite | tostring', '-infinite | tojson', '1e1000 | tojson', '-0 | tostring',
    '[-0] | tojson', '1e21 | tostring', '1e-7 | tostring', '1e17 | tostring', '1000000 | tostring',
    '1e6 | tojson', '0.1 | tostring', '(0.1 + 0.2) | tostring', '3.0 | tostring', '1/3 | tostring',
    '.big | tostring', '.pi | tojson', '123456789012 | tostring', '1.5e300 | tostring', '5e-324 | tostring',
    '"1e1000" | tonumber', '"0x10" | tonumber', '"  12 " | tonumber', '"nan" | tonumber', '"-0" | tonumber',
    '"1.50" | tonumber', '"12345678901234567890" | tonumber', '"1e-7" | tonumber | tostring',
    '"" | tonumber', '"abc" | tonumber', '[1.0, 2.50] | tojson', '{a: 1e-5} | tostring', '1e-5 | @text',
    '12.5 | @json', '[0.1, 1e21] | @csv', '1e21 | @sh', '1e-7 | @html', '1e21 | @uri', '1e21 | @base64',
  ];
  for (const e of jqPrint) add('numbers', 'numbers', `{{ ${e} }}`, {contextText: CTX_TEXT_EXTRA.big});
};
