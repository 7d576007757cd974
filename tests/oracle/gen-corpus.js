#!/usr/bin/env node
// Writes the oracle corpus (tests/oracle/corpus/*.jsonl) once; the committed .jsonl files are
// the source of truth, this script only documents how they were made and eases additions:
//   node tests/oracle/gen-corpus.js   (then review `git diff tests/oracle/corpus`)
//
// One case per line: {"id", "category", "strict", "template" | "templateText",
//   "context" | "contextText" | "contextFile" | "contextName", "mask"?, "expect"?, "note"?}
// "contextName" names corpus/contexts/NAME.json (the context most cases share).
// "templateText"/"contextText" hold a document's exact text where JSON.parse matters
// (1e400, duplicate keys, -0, big integers, lone surrogates); "contextFile" is relative to
// the project's resources/ folder (examples/contexts/...). Cases with "expect" are not run through the oracle: it crashes on them
// (`input`, `debug`) or predates the feature (`spreadValue`, npm 0.0.12); "expect" holds
// what Port's documented behaviour requires ({exit, stdout?} or {anyOutcome: true}: only
// "no crash, no hang").
'use strict';
const fs = require('fs');
const path = require('path');
const {CTX, CTX_TEXT_EXTRA} = require('./gen/context');

const out = new Map(); // file -> lines
// Categories whose every case runs in both modes; elsewhere a strict twin is kept only where
// Port answers differently in strict mode (see below).
const KEEP_BOTH = new Set(['scanner', 'keys', 'errors', 'examples']);
const counters = new Map();

function add(file, category, template, opts = {}) {
  const modes = opts.modes || ['lenient', 'strict'];
  const n = (counters.get(category) || 0) + 1;
  counters.set(category, n);
  for (const mode of modes) {
    const c = {id: `${category}-${String(n).padStart(3, '0')}-${mode[0]}`, category, strict: mode === 'strict'};
    if (opts.raw) c.templateText = template;
    else c.template = template;
    if (opts.contextFile) c.contextFile = opts.contextFile;
    else if (opts.contextText !== undefined) c.contextText = opts.contextText;
    else if (opts.context !== undefined) c.context = opts.context;
    else if (!opts.noContext) c.contextName = 'default';
    if (opts.mask) c.mask = opts.mask;
    if (opts.expect) {
      const e = typeof opts.expect === 'function' ? opts.expect(mode) : opts.expect;
      if (e === null) continue; // no expectation written for this mode
      c.expect = e;
    }
    if (opts.note) c.note = opts.note;
    if (!out.has(file)) out.set(file, []);
    const prune = opts.pruneStrict !== undefined ? opts.pruneStrict : !KEEP_BOTH.has(category);
    out.get(file).push(prune && c.strict && !c.expect ? {pruneIfSameAs: out.get(file).at(-1), c} : JSON.stringify(c));
  }
}

const groups = ['rules', 'keys', 'numbers', 'unicode', 'errors', 'builtins', 'examples', 'expected', 'shortcuts'];
for (const g of groups) require(`./gen/${g}`)(add, {CTX, CTX_TEXT_EXTRA});

// A strict twin identical to its lenient case in Port's answer (no jq error) only doubles
// the run time: drop it, except in KEEP_BOTH categories.
const {loadRenderer, renderCase} = require('./oracle');
const render = loadRenderer();
const resources = path.join(__dirname, '..', '..', 'resources');
function viaOracle(c) {
  const t = 'templateText' in c ? c.templateText : JSON.stringify(c.template);
  const x = 'contextName' in c ? JSON.stringify(CTX) : 'contextFile' in c ? fs.readFileSync(path.join(resources, c.contextFile), 'utf8')
          : 'contextText' in c ? c.contextText : 'context' in c ? JSON.stringify(c.context) : null;
  return JSON.stringify(renderCase(render, t, x, c.strict));
}
for (const [file, lines] of out) {
  out.set(file, lines.filter((l) => typeof l === 'string' ||
                                    viaOracle(JSON.parse(l.pruneIfSameAs)) !== viaOracle(l.c)).map((l) => (typeof l === 'string' ? l : JSON.stringify(l.c))));
}

const dir = path.join(__dirname, 'corpus');
fs.mkdirSync(dir, {recursive: true});
for (const f of fs.readdirSync(dir)) if (f.endsWith('.jsonl')) fs.unlinkSync(path.join(dir, f));
fs.mkdirSync(path.join(dir, 'contexts'), {recursive: true});
fs.writeFileSync(path.join(dir, 'contexts', 'default.json'), JSON.stringify(CTX));
let total = 0;
for (const [file, lines] of out) {
  fs.writeFileSync(path.join(dir, `${file}.jsonl`), lines.join('\n') + '\n');
  total += lines.length;
  console.log(`${file}.jsonl: ${lines.length} cases`);
}
console.log(`total: ${total} cases`);
