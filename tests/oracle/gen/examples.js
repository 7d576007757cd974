// Every example node of resources/examples, whole and its payload alone, against both example
// contexts. `now` makes event-driven.json's timestamp move: those cases mask ISO times.
'use strict';
const fs = require('fs');
const path = require('path');
module.exports = (add) => {
  const examples = path.join(__dirname, '..', '..', '..', 'resources', 'examples');
  const nodes = fs.readdirSync(path.join(examples, 'nodes')).filter((f) => f.endsWith('.json')).sort();
  for (const node of nodes) {
    const text = fs.readFileSync(path.join(examples, 'nodes', node), 'utf8');
    const mask = /\bnow\b/.test(text) ? {mask: 'now'} : {};
    for (const ctx of ['workflow.json', 'action.json']) {
      const contextFile = `examples/contexts/${ctx}`;
      add('examples', 'examples', text, Object.assign({raw: true, contextFile}, mask));
      add('examples', 'examples', JSON.parse(text).config.payload, Object.assign({contextFile}, mask));
    }
  }
  // The seed's Go-template timestamp and Port's fix, alone and in a payload.
  const wf = {contextFile: 'examples/contexts/workflow.json'};
  add('examples', 'examples', '{{ now | date "2006-01-02T15:04:05Z" }}', wf);
  add('examples', 'examples', '{{ now | todateiso8601 | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$") }}', wf);
  add('examples', 'examples', {runId: '{{ .workflowNodeRun.identifier }}', who: '{{ .workflowRun.trigger.by.email }}',
                               svc: '{{ .outputs["trigger"].service }}@{{ .outputs.trigger.version }}',
                               env: '{{ .outputs.trigger.environment | ascii_upcase }}', n: '{{ .outputs.trigger.count * 2 }}',
                               token: '{{ .secrets["deploy-token"] }}', missing: '{{ .outputs["nope"].x }}'}, wf);
  const act = {contextFile: 'examples/contexts/action.json'};
  add('examples', 'examples', {run: '{{ .run.id }}', by: '{{ .trigger.by.user.email }}', cpu: '{{ .inputs.cpu }}',
                               replicas: '{{ .inputs.replicas }}', entity: '{{ .entity }}', event: '{{ .event }}',
                               op: '{{ .trigger.operation | ascii_downcase }}', tier: 'tier-{{ .entity.properties.tier }}'}, act);
};
