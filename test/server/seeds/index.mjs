// The five seed backends (../shared/seeds/), each under /seed/<name>/ at the routes its document
// gives, for test/e2e/seeds.test.ts; pages that connect to them with attributes only are in
// test/pages/seeds/. GET /seed/<name>/log returns what a backend received (see common.mjs);
// POST /seed/gate/<key> opens a gate a backend is waiting on.
import { openGate } from './common.mjs';
import * as codingAgent from './coding-agent.mjs';
import * as llmselect from './llmselect.mjs';
import * as tradingRun from './trading-run.mjs';
import * as tradistry from './tradistry.mjs';
import * as vllmAssistant from './vllm-assistant.mjs';

const backends = {
  'trading-run': tradingRun,
  tradistry,
  'coding-agent': codingAgent,
  'vllm-assistant': vllmAssistant,
  llmselect,
};

/** Koa middleware for @web/test-runner's dev server. */
export function seedBackends() {
  return async function seedBackendsMiddleware(ctx, next) {
    const match = /^\/seed\/([\w-]+)(\/.*)?$/.exec(ctx.path);
    if (!match) return next();
    const [, name, rest = '/'] = match;
    if (name === 'gate' && ctx.method === 'POST') {
      openGate(decodeURIComponent(rest.slice(1)));
      ctx.status = 204;
      return;
    }
    const backend = backends[name];
    if (!backend) return next();
    if (rest === '/log') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(backend.log.entries);
      return;
    }
    if (!(await backend.handle(ctx, rest))) return next();
  };
}
