// An Angular component that hosts <stream-chat>. Two imports are all the setup there is: the first
// defines the element, the second is the directive that types the tag for Angular's template
// checker (its inputs, and `$event` with each event's detail). List the directive in `imports`
// instead of CUSTOM_ELEMENTS_SCHEMA, which would let any misspelling through.
import 'stream-chat-element';
import { StreamChatDirective } from 'stream-chat-element/angular';
import type { StreamChatCompleteDetail } from 'stream-chat-element/stream-chat.js';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';

@Component({
  selector: 'chat-panel',
  imports: [StreamChatDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="chat-panel">
      <!-- Inputs go in by property name and are set as properties: objects and functions arrive as
           they are, history-limit as a number. -->
      <stream-chat
        [endpoint]="endpoint()"
        [theme]="theme()"
        [body]="{ run_id: runId() }"
        [headers]="headers"
        historyLimit="6"
        (stream-chat-complete)="last.set($event.detail)"
        (stream-chat-error)="onError($event.detail.error)"
      ></stream-chat>
      <p class="chat-status" role="status">
        @if (last(); as answer) {
          Answered in {{ round(answer.stats.duration) }} ms ({{ answer.stats.tokens }} tokens)
        } @else {
          No answer yet
        }
      </p>
    </section>
  `,
})
export class ChatPanelComponent {
  readonly endpoint = input.required<string>();
  readonly runId = input.required<number>();
  readonly theme = input<'light' | 'dark' | 'auto'>('auto');

  readonly last = signal<StreamChatCompleteDetail | null>(null);
  readonly headers = () => ({ 'X-Requested-With': 'stream-chat-angular-demo' });
  readonly round = Math.round;

  onError(error: { kind: string; message: string }) {
    console.warn(error.kind, error.message);
  }
}
