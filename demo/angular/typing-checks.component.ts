// Not part of the example: mistakes the Angular typing must reject under strictTemplates, one per
// element. `npm run typecheck:examples` (scripts/check-typings.mjs) runs ngc on this folder and
// fails unless every line marked "rejects:" has an error and no other line has one, so the last
// element must type-check.
import { StreamChatDirective } from 'stream-chat-element/angular';
import type { PrepareRequest } from 'stream-chat-element/stream-chat.js';
import { Component } from '@angular/core';

@Component({
  selector: 'typing-rejects',
  imports: [StreamChatDirective],
  template: `
    <!-- rejects: theme is 'light' | 'dark' | 'auto' -->
    <stream-chat theme="blue"></stream-chat>
    <!-- rejects: format is one of the format names (FormatName): openai, not openia -->
    <stream-chat format="openia"></stream-chat>
    <!-- rejects: misspelled input -->
    <stream-chat [endpointt]="'/api/chat/stream'"></stream-chat>
    <!-- rejects: historyLimit is a number (or its text) -->
    <stream-chat [historyLimit]="{ limit: 5 }"></stream-chat>
    <!-- rejects: mode is 'inline' | 'launcher' -->
    <stream-chat mode="popup"></stream-chat>
    <!-- rejects: the complete event's detail has message, conversationId and stats -->
    <stream-chat (stream-chat-complete)="use($event.detail.text)"></stream-chat>
    <!-- rejects: the send event's request has no path -->
    <stream-chat (stream-chat-send)="use($event.detail.request.path)"></stream-chat>
    <!-- rejects: body is an object -->
    <stream-chat body="run_id=5"></stream-chat>
    <!-- rejects: busy is read-only -->
    <stream-chat [busy]="true"></stream-chat>
    <!-- rejects: showStats is a boolean -->
    <stream-chat [showStats]="5"></stream-chat>
    <stream-chat
      id="chat"
      class="chat"
      style="height: 480px"
      aria-label="Assistant"
      endpoint="/api/chat/stream"
      format="openai"
      theme="dark"
      mode="launcher"
      showStats
      historyLimit="6"
      [idleTimeout]="30000"
      [headers]="headers"
      [body]="{ run_id: 5 }"
      [messages]="[]"
      [prepareRequest]="prepare"
      [hidden]="false"
      [attr.history-limit]="6"
      (stream-chat-send)="$event.preventDefault()"
      (stream-chat-error)="use($event.detail.error.kind)"
      (stream-chat-cancel)="use($event.detail.message.content)"
      (click)="use($event.clientX)"
    ></stream-chat>
  `,
})
export class TypingRejectsComponent {
  readonly headers = async () => ({ Authorization: 'Bearer token' });
  readonly prepare: PrepareRequest = (request) => ({ ...request, url: `${request.url}?v=2` });
  use(value: unknown) {
    return value;
  }
}
