// Errors show the server's sentence, not its code: `message`, `detail`, `error.message`,
// `error_description` win over `error` codes and `type`/`code` fields, and a 404 that carries the
// server's own message is the server's (a missing run), not "the chat endpoint was not found".
import { expect } from '@open-wc/testing';
import { errorFromResponse, serverMessageFrom } from '../../src/transport/errors.js';
import { chatWith, nextEvent } from '../helpers.js';

const json = 'application/json';

describe('error sentences over codes', () => {
  const cases: [body: string, message: string][] = [
    ['{"error":"validation_error","message":"Invalid request payload"}', 'Invalid request payload'],
    ['{"message":"Invalid request payload","error":"validation_error"}', 'Invalid request payload'],
    ['{"error":"invalid_grant","error_description":"The refresh token has expired."}', 'The refresh token has expired.'],
    ['{"type":"invalid_request_error","code":"context_length_exceeded","message":"This model\'s maximum context length is 8192 tokens."}', "This model's maximum context length is 8192 tokens."],
    ['{"error":{"type":"rate_limit_error","code":"rate_limited","message":"Too many requests, slow down."}}', 'Too many requests, slow down.'],
    ['{"code":"not_found","detail":"Run not found"}', 'Run not found'],
    ['{"error":"The model is overloaded, try again"}', 'The model is overloaded, try again'],
    ['{"status":"error","error":"rate_limited"}', 'rate_limited'],
  ];
  for (const [body, message] of cases) {
    it(body, () => expect(serverMessageFrom(body, json)).to.equal(message));
  }

  const response = (status: number, body: string) => new Response(body, { status, headers: { 'content-type': json } });

  it('422 with a code and a sentence: the sentence', async () => {
    const error = await errorFromResponse(response(422, '{"error":"validation_error","message":"Invalid request payload"}'));
    expect(error.message).to.equal('The request failed (422): Invalid request payload');
  });

  it("a 404 with the server's own message is the server's", async () => {
    const error = await errorFromResponse(response(404, '{"detail":"Run not found"}'));
    expect(error.message).to.equal('Run not found (404)');
    expect(error.serverMessage).to.equal('Run not found');
  });

  for (const body of ['{"detail":"Not Found"}', '<html><title>404 Not Found</title></html>', 'Cannot POST /api/chat', '']) {
    it(`a 404 that only says not found (${body || 'no body'}): the endpoint was not found`, async () => {
      const error = await errorFromResponse(new Response(body, { status: 404, headers: { 'content-type': body.startsWith('<') ? 'text/html' : json } }));
      expect(error.message).to.match(/^The chat endpoint was not found \(404\)/);
    });
  }

  it('over HTTP, in the chat', async () => {
    const { el } = await chatWith({ status: 404, headers: { 'content-type': json }, chunks: ['{"detail":"Run not found"}'] });
    const failed = nextEvent(el, 'stream-chat-error');
    await el.send('Why did run 99 lose money?');
    const { detail } = await failed;
    expect(detail.error.message).to.equal('Run not found (404)');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Run not found (404)');
  });
});
