// Request building: headers from any source, the two body shapes, and GET's query string.
import { expect } from '@open-wc/testing';
import { buildRequest, fetchTarget, resolveHeaders, type RequestInput } from '../../src/transport/request.js';

const input: RequestInput = {
  endpoint: '/chat',
  method: 'post',
  headers: {},
  message: 'Hi',
  history: [{ role: 'user', content: 'Before' }],
};

describe('request', () => {
  it('resolves headers from an object, Headers, entries or a (async) function, lower-casing names', async () => {
    expect(await resolveHeaders(undefined)).to.deep.equal({});
    expect(await resolveHeaders({ 'X-Key': 'a' })).to.deep.equal({ 'x-key': 'a' });
    expect(await resolveHeaders(new Headers({ 'X-Key': 'b' }))).to.deep.equal({ 'x-key': 'b' });
    expect(await resolveHeaders([['X-Key', 'c']])).to.deep.equal({ 'x-key': 'c' });
    expect(await resolveHeaders(async () => ({ 'X-Key': 'd' }))).to.deep.equal({ 'x-key': 'd' });
  });

  it('builds the default body with the history, the conversation id and extra fields', () => {
    const request = buildRequest({ ...input, conversationId: 'c-1', extraBody: { run: 5 }, credentials: 'include', headers: { 'x-a': '1' } });
    expect(request).to.deep.equal({
      url: '/chat',
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-a': '1' },
      body: { message: 'Hi', messages: [{ role: 'user', content: 'Before' }], conversation_id: 'c-1', run: 5 },
      credentials: 'include',
    });
    expect(buildRequest({ ...input, conversationId: 'c-1', conversationIdField: 'session_id' }).body).to.have.property('session_id', 'c-1');
    expect(buildRequest(input)).to.not.have.property('credentials');
    expect(buildRequest(input).body).to.not.have.property('conversation_id');
  });

  it("builds OpenAI's chat completions body", () => {
    const request = buildRequest({ ...input, requestFormat: 'openai', model: 'gpt-x', systemPrompt: 'Be brief', conversationId: 'ignored' });
    expect(request.body).to.deep.equal({
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'Before' },
        { role: 'user', content: 'Hi' },
      ],
      model: 'gpt-x',
    });
  });

  it('sends JSON in the body, except for GET and HEAD, whose fields go in the query string', () => {
    const post = buildRequest(input);
    expect(fetchTarget(post)).to.deep.equal({ url: '/chat', body: JSON.stringify(post.body) });
    const get = buildRequest({ ...input, method: 'get', extraBody: { n: 1, skip: null } });
    const target = fetchTarget(get);
    expect(target.body).to.equal(undefined);
    const url = new URL(target.url);
    expect(url.pathname).to.equal('/chat');
    expect(url.searchParams.get('message')).to.equal('Hi');
    expect(JSON.parse(url.searchParams.get('messages')!)).to.deep.equal([{ role: 'user', content: 'Before' }]);
    expect(url.searchParams.get('n')).to.equal('1');
    expect(url.searchParams.has('skip')).to.be.false;
  });
});
