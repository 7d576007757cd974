#!/usr/bin/env node
// Port's published template renderer (npm @port-labs/jq-node-bindings@0.0.12) behind the
// exact interface of `porthole-cli template`, so tests and benchmarks can run both alike:
//
//   oracle.js [--context CTX.json] [--strict] TEMPLATE.json
//       prints JSON.stringify(renderRecursively(context, template, {throwOnError: strict}))
//       and a newline (nothing when the result is undefined); a thrown error: its message
//       on stderr, exit 1. Usage errors: exit 2.
//   oracle.js --batch CASES.jsonl
//       one process for many cases (the renderer compiles every template anew, so process
//       start-up is the smaller cost, but still worth sharing). Each input line is
//       {"id", "template": TEXT, "context": TEXT|null, "strict": bool} (TEXT = the files'
//       contents); each output line is {"id", "exit", "stdout", "stderr"}, exactly what
//       the single-case mode would have produced.
//
// The package is loaded from $PORTHOLE_ORACLE_DIR (default ~/.cache/porthole/oracle), where
// scripts/setup.d/20-oracle.sh installs it.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const PACKAGE = '@port-labs/jq-node-bindings';
const VERSION = '0.0.12';

function oracleDir() {
  return process.env.PORTHOLE_ORACLE_DIR || path.join(os.homedir(), '.cache', 'porthole', 'oracle');
}

function loadRenderer() {
  const dir = path.join(oracleDir(), 'node_modules', PACKAGE);
  let pkg;
  try {
    pkg = require(path.join(dir, 'package.json'));
  } catch (e) {
    throw new Error(`${PACKAGE}@${VERSION} is not installed in ${oracleDir()} ` +
                    '(run scripts/setup.d/20-oracle.sh test)');
  }
  if (pkg.version.replace(/^v/, '') !== VERSION) {
    throw new Error(`${dir} holds version ${pkg.version}, expected ${VERSION} ` +
                    '(run scripts/setup.d/20-oracle.sh test)');
  }
  return require(dir).renderRecursively;
}

// Renders one case from the texts of its files; never throws.
function renderCase(renderRecursively, templateText, contextText, strict) {
  try {
    // JSON.parse of both documents is part of Port's behaviour (port-reference.md §2.10).
    const template = JSON.parse(templateText);
    const context = contextText === null || contextText === undefined ? {} : JSON.parse(contextText);
    const result = renderRecursively(context, template, {throwOnError: strict});
    return {exit: 0, stdout: result === undefined ? '' : JSON.stringify(result) + '\n', stderr: ''};
  } catch (e) {
    const message = e && e.message !== undefined ? e.message : String(e);
    return {exit: 1, stdout: '', stderr: message + '\n'};
  }
}

function usage(why) {
  process.stderr.write(`oracle.js: ${why}\n` +
                       'usage: oracle.js [--context CTX.json] [--strict] TEMPLATE.json\n' +
                       '       oracle.js --batch CASES.jsonl\n');
  process.exit(2);
}

function main(argv) {
  let contextFile = null;
  let strict = false;
  let batch = null;
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--strict') strict = true;
    else if (a === '--context' || a === '--batch') {
      if (i + 1 >= argv.length) usage(`${a} needs a file`);
      if (a === '--context') contextFile = argv[++i];
      else batch = argv[++i];
    } else if (a.startsWith('--context=')) contextFile = a.slice('--context='.length);
    else if (a === '--help' || a === '-h') usage('help');
    else if (a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
    else files.push(a);
  }
  let renderRecursively;
  try {
    renderRecursively = loadRenderer();
  } catch (e) {
    process.stderr.write(`oracle.js: ${e.message}\n`);
    process.exit(3);
  }
  if (batch !== null) {
    const out = [];
    for (const line of fs.readFileSync(batch, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line);
      // ORACLE_TRACE=1 names each case before rendering it: the oracle can crash outright.
      if (process.env.ORACLE_TRACE) process.stderr.write(`oracle: ${c.id}\n`);
      out.push(JSON.stringify(Object.assign({id: c.id}, renderCase(renderRecursively, c.template, c.context, !!c.strict))));
    }
    process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
    return;
  }
  if (files.length !== 1) usage('exactly one TEMPLATE.json is needed');
  let templateText, contextText = null;
  try {
    templateText = fs.readFileSync(files[0], 'utf8');
    if (contextFile !== null) contextText = fs.readFileSync(contextFile, 'utf8');
  } catch (e) {
    process.stderr.write(`oracle.js: ${e.message}\n`);
    process.exit(1);
  }
  const r = renderCase(renderRecursively, templateText, contextText, strict);
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.exit;
}

if (require.main === module) main(process.argv.slice(2));
module.exports = {loadRenderer, renderCase};
