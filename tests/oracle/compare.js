#!/usr/bin/env node
// The oracle test: renders every corpus case with `porthole-cli template` and with Port's
// published renderer (oracle.js, batched in one Node process) and requires byte-identical
// stdout and the same success/failure; Port's own deterministic messages (brace scanner,
// object keys) must appear in our stderr too. Cases that carry an "expect" (the oracle
// crashes on them, or npm 0.0.12 predates the feature) are checked against it instead.
//
//   compare.js --cli PATH [--corpus DIR] [--resources DIR] [--jobs N] [--only REGEX]
//              [--max-report N] [--self-check N]
// --cli may be oracle.js itself: oracle against oracle must agree on every case.
// --self-check N: also run oracle.js per case on every Nth case and require it to agree
//   with the batch (the benchmark and users call the single-case CLI).
// --cache DIR: memoise the oracle's answers there (default: answers/ in the oracle folder,
//   see cacheFile); --no-cache 1 runs the oracle on every case.
// --json FILE: write the failures (both outputs) as JSON.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const {spawn} = require('child_process');

const here = __dirname;
const PACKAGE = '@port-labs/jq-node-bindings';
const oracleDir = () => process.env.PORTHOLE_ORACLE_DIR || path.join(os.homedir(), '.cache', 'porthole', 'oracle');
let oracleFromCache = false;
const args = parseArgs(process.argv.slice(2));
const corpusDir = args.corpus || path.join(here, 'corpus');
// --resources: the folder a case's "contextFile" is relative to (the project's resources/).
const resourcesDir = args.resources || path.join(here, '..', '..', 'resources');
const jobs = Number(args.jobs || Math.max(2, Math.min(4, os.cpus().length)));
const maxReport = Number(args['max-report'] || 200);
// Same clock zone for both sides: date builtins with fixed inputs must not depend on it.
const env = Object.assign({}, process.env, {TZ: 'UTC'});

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
    i++;
  }
  if (!out.cli) {
    console.error('usage: compare.js --cli PATH [--corpus DIR] [--resources DIR] [--jobs N] [--only REGEX]');
    process.exit(2);
  }
  return out;
}

function loadCorpus() {
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl')).sort();
  if (!files.length) throw new Error(`no corpus files (*.jsonl) in ${corpusDir}`);
  const cases = [];
  const ids = new Set();
  for (const f of files) {
    fs.readFileSync(path.join(corpusDir, f), 'utf8').split('\n').forEach((line, n) => {
      if (!line.trim()) return;
      let c;
      try {
        c = JSON.parse(line);
      } catch (e) {
        throw new Error(`${f}:${n + 1}: ${e.message}`);
      }
      if (ids.has(c.id)) throw new Error(`${f}:${n + 1}: duplicate case id ${c.id}`);
      ids.add(c.id);
      c.file = f;
      c.templateText = 'templateText' in c ? c.templateText : JSON.stringify(c.template);
      if ('contextName' in c) c.contextText = fs.readFileSync(path.join(corpusDir, 'contexts', `${c.contextName}.json`), 'utf8');
      else if ('contextFile' in c) c.contextText = fs.readFileSync(path.join(resourcesDir, c.contextFile), 'utf8');
      else if ('context' in c) c.contextText = JSON.stringify(c.context);
      else if (!('contextText' in c)) c.contextText = null;
      cases.push(c);
    });
  }
  let selected = args.only ? cases.filter((c) => new RegExp(args.only).test(c.id)) : cases;
  // Oracle against oracle: the cases with written expectations would crash it or test
  // what it predates.
  if (path.basename(args.cli) === 'oracle.js') selected = selected.filter((c) => !c.expect);
  return selected;
}

function writeInputs(dir, cases) {
  for (const c of cases) {
    c.templatePath = path.join(dir, `${c.id}.template.json`);
    fs.writeFileSync(c.templatePath, c.templateText);
    if (c.contextText !== null) {
      c.contextPath = path.join(dir, `${c.id}.context.json`);
      fs.writeFileSync(c.contextPath, c.contextText);
    }
  }
}

function cliArgs(c) {
  const a = ['template'];
  if (c.contextPath) a.push('--context', c.contextPath);
  if (c.strict) a.push('--strict');
  a.push(c.templatePath);
  return a;
}

// Runs the CLI under test on one case; a hang or a crash is a result like any other.
function runOne(cli, c) {
  return new Promise((resolve) => {
    const isJs = cli.endsWith('.js');
    const argv = isJs ? [cli, ...cliArgs(c).slice(1)] : cliArgs(c);
    const child = spawn(isJs ? process.execPath : cli, argv, {env});
    const out = [], err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({exit: code === null ? `signal ${signal}` : code,
               stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')});
    });
  });
}

async function runAll(cli, cases) {
  const results = new Array(cases.length);
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runOne(cli, cases[i]);
    }
  }
  await Promise.all(Array.from({length: jobs}, worker));
  return results;
}

// The oracle in a few Node processes (each compiles every distinct template once, ~30 ms
// each), running beside the CLI under test.
function runOracleChunk(dir, cases, n) {
  const input = path.join(dir, `batch-${n}.jsonl`);
  fs.writeFileSync(input, cases.map((c) => JSON.stringify({id: c.id, template: c.templateText,
                                                          context: c.contextText, strict: !!c.strict})).join('\n') + '\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'oracle.js'), '--batch', input],
                        {env: Object.assign({ORACLE_TRACE: '1'}, env)});
    const out = [], err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code, signal) => {
      if (code !== 0) {
        const tail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ');
        reject(new Error(`the oracle failed (exit ${code}${signal ? ', ' + signal : ''}): ${tail}`));
        return;
      }
      resolve(Buffer.concat(out).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
    });
  });
}

// The oracle is a pure function of (case, package, Node): its answers are memoised in the
// oracle folder, keyed by a hash of all of them, so a re-run costs only the CLI under test.
// The self-check re-runs the live oracle on a sample every time.
function cacheFile(cases) {
  if (args['no-cache']) return null;
  const h = crypto.createHash('sha256');
  h.update(`${process.version}\n${fs.readFileSync(path.join(here, 'oracle.js'))}\n`);
  try {
    h.update(fs.readFileSync(require.resolve(path.join(oracleDir(), 'node_modules', PACKAGE, 'package.json'))));
    h.update(fs.readFileSync(path.join(oracleDir(), 'node_modules', PACKAGE, 'lib', 'template.js')));
  } catch (e) {
    return null; // not installed: the live run reports it
  }
  for (const c of cases) h.update(JSON.stringify([c.id, c.templateText, c.contextText, !!c.strict]) + '\n');
  return path.join(args.cache || path.join(oracleDir(), 'answers'), `results-${h.digest('hex').slice(0, 24)}.json`);
}

async function runOracle(dir, cases, chunks) {
  const cached = cacheFile(cases);
  if (cached && fs.existsSync(cached)) {
    oracleFromCache = true;
    return JSON.parse(fs.readFileSync(cached, 'utf8'));
  }
  const results = await runOracleLive(dir, cases, chunks);
  if (cached) {
    fs.mkdirSync(path.dirname(cached), {recursive: true});
    fs.writeFileSync(cached + '.tmp', JSON.stringify(results));
    fs.renameSync(cached + '.tmp', cached);
  }
  return results;
}

async function runOracleLive(dir, cases, chunks) {
  const size = Math.ceil(cases.length / chunks);
  const parts = [];
  for (let i = 0; i * size < cases.length; i++) parts.push(runOracleChunk(dir, cases.slice(i * size, (i + 1) * size), i));
  const byId = new Map();
  for (const r of (await Promise.all(parts)).flat()) byId.set(r.id, r);
  return cases.map((c) => {
    if (!byId.has(c.id)) throw new Error(`the oracle gave no result for ${c.id}`);
    return byId.get(c.id);
  });
}

function mask(c, s) {
  // Cases rendering `now` (the example nodes) compare with the clock's timestamps masked.
  return c.mask === 'now' ? s.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<now>') : s;
}

// Port's own messages are deterministic; jq's messages come from a different jq build.
function portMessage(stderr) {
  const m = /(Found (opening|closing) double braces in index \d+ without (closing|opening) double braces|Found double braces in index \d+ inside other one in index \d+|Evaluated object key should be undefined, null or string\. Original key: [^\n]*)/.exec(stderr);
  return m ? m[1] : null;
}

// Returns null when ours matches the reference, else a list of differences.
function judge(c, ours, ref) {
  const diffs = [];
  const crashed = typeof ours.exit !== 'number' || ours.exit > 1;
  if (crashed) diffs.push(`ours ended with ${ours.exit} (expected exit 0 or 1): ${JSON.stringify(ours.stderr.trim())}`);
  if (ref.anyOutcome) return diffs.length ? diffs : null;
  const okRef = ref.exit === 0, okOurs = ours.exit === 0;
  if (!crashed && okRef !== okOurs) diffs.push(`exit: ours ${ours.exit}, expected ${ref.exit}`);
  if ('stdout' in ref && mask(c, ours.stdout) !== mask(c, ref.stdout)) {
    diffs.push(`stdout: ours ${JSON.stringify(ours.stdout)}, expected ${JSON.stringify(ref.stdout)}`);
  }
  if (!okRef && !okOurs) {
    if (ours.stderr.trim() === '') diffs.push('stderr: ours is empty, expected an error message');
    const pm = ref.stderr !== undefined ? portMessage(ref.stderr) : null;
    if (pm && !ours.stderr.includes(pm)) {
      diffs.push(`stderr: ours ${JSON.stringify(ours.stderr.trim())} lacks ${JSON.stringify(pm)}`);
    }
    const refLines = ref.stderr === undefined ? 1 : ref.stderr.trim().split('\n').length;
    if (refLines === 1 && ours.stderr.trim().split('\n').length > 1) {
      diffs.push(`stderr: ours has more than one line: ${JSON.stringify(ours.stderr)}`);
    }
  }
  return diffs.length ? diffs : null;
}

// Ours may prefix Port's message ("porthole-cli: FILE: ") and writes a newline as \\n.
function sameMessage(ours, port) {
  const p = port.trim();
  return ours.includes(p) || ours.includes(p.replace(/\n/g, '\\n'));
}

function describe(c) {
  const t = c.templateText.length > 160 ? c.templateText.slice(0, 160) + '…' : c.templateText;
  return `${c.id} [${c.strict ? 'strict' : 'lenient'}] ${t}`;
}

async function main() {
  const started = Date.now();
  // A missing or broken oracle fails the test at once, whatever the selection.
  require('./oracle').loadRenderer();
  const cases = loadCorpus();
  if (!cases.length) throw new Error('no case selected');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-oracle-'));
  try {
    writeInputs(dir, cases);
    const viaOracle = cases.filter((c) => !c.expect);
    const t0 = Date.now();
    let oracleMs = 0, oursMs = 0;
    const [oracle, ours] = await Promise.all([
      runOracle(dir, viaOracle, Number(args['oracle-jobs'] || 2)).then((r) => { oracleMs = Date.now() - t0; return r; }),
      runAll(path.resolve(args.cli), cases).then((r) => { oursMs = Date.now() - t0; return r; }),
    ]);
    const refs = new Map(viaOracle.map((c, i) => [c.id, oracle[i]]));

    const failures = [];
    const notes = [];
    const perCategory = new Map();
    cases.forEach((c, i) => {
      const ref = c.expect || refs.get(c.id);
      const d = judge(c, ours[i], ref);
      const k = c.category || c.file;
      const cat = perCategory.get(k) || {cases: 0, failed: 0};
      cat.cases++;
      if (d) {
        cat.failed++;
        failures.push({c, d, ours: ours[i], ref});
      } else if (!c.expect && ref.exit !== 0 && !sameMessage(ours[i].stderr, ref.stderr)) {
        notes.push(`${c.id}: ours ${JSON.stringify(ours[i].stderr.trim())}, Port ${JSON.stringify(ref.stderr.trim())}`);
      }
      perCategory.set(k, cat);
    });

    let selfCheckFailed = 0;
    if (args['self-check'] || oracleFromCache) {
      const every = Number(args['self-check'] || 150);
      const sample = viaOracle.filter((_, i) => i % every === 0);
      const single = await runAll(path.join(here, 'oracle.js'), sample);
      sample.forEach((c, i) => {
        const b = refs.get(c.id);
        const s = single[i];
        if (s.exit !== b.exit || s.stdout !== b.stdout || s.stderr !== b.stderr) {
          selfCheckFailed++;
          console.log(`SELF-CHECK MISMATCH ${c.id}: single ${JSON.stringify(s)} batch ${JSON.stringify(b)}`);
        }
      });
      console.log(`self-check: oracle.js single-case vs batch on ${sample.length} cases, ${selfCheckFailed} mismatches`);
    }

    console.log(`compare: ${path.resolve(args.cli)} vs @port-labs/jq-node-bindings@0.0.12 on ${cases.length} cases ` +
                `(${cases.length - viaOracle.length} with written expectations)`);
    for (const [k, v] of [...perCategory].sort()) console.log(`  ${k.padEnd(14)} ${String(v.cases).padStart(4)} cases, ${v.failed} failed`);
    failures.slice(0, maxReport).forEach(({c, d}) => {
      console.log(`FAIL ${describe(c)}`);
      if (c.contextFile) console.log(`     context: ${c.contextFile}`);
      for (const line of d) console.log(`     ${line}`);
    });
    if (failures.length > maxReport) console.log(`... and ${failures.length - maxReport} more failures`);
    if (notes.length) {
      console.log(`${notes.length} error cases whose message differs from Port's (reported, not failed):`);
      notes.slice(0, args.notes ? 100000 : 20).forEach((n) => console.log(`  ${n}`));
      if (!args.notes && notes.length > 20) console.log('  ... (--notes 1 lists all)');
    }
    console.log(`timing (side by side): oracle ${oracleMs} ms${oracleFromCache ? ' (memoised answers)' : ''}, cli under test ${oursMs} ms (${jobs} jobs), total ${Date.now() - started} ms`);
    console.log(`${cases.length - failures.length} passed, ${failures.length} failed`);
    if (args.json) fs.writeFileSync(args.json, JSON.stringify(failures.map(({c, d, ours, ref}) => ({id: c.id, strict: !!c.strict, template: c.templateText, context: c.contextFile || c.contextText, diffs: d, ours, expected: ref})), null, 1));
    process.exitCode = failures.length || selfCheckFailed ? 1 : 0;
  } finally {
    if (!args.keep) fs.rmSync(dir, {recursive: true, force: true});
  }
}

main().catch((e) => {
  console.error(`oracle test: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
