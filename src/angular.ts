// Angular typing for <stream-chat>: a directive whose selector is the tag itself, so that Angular's
// template type-checker (`strictTemplates`) knows the element. Import `StreamChatDirective` into a
// standalone component (or an NgModule) instead of CUSTOM_ELEMENTS_SCHEMA, which lets anything
// through: with the directive, `[endpointt]="..."` is an unknown property, `theme="blue"` and
// `[historyLimit]="{}"` are type errors, and `(stream-chat-complete)="on($event)"` gets the event
// typed with its detail (from HTMLElementTagNameMap and the element's event map).
//
// The directive has one input per public property of the element, typed from the class, and sets
// each on the element as it changes; it adds no behaviour of its own. Angular never checks plain
// attributes (`endpointt="..."` is an attribute, always allowed): bind or set the inputs by their
// property names. Compiled by ngc in partial mode (tsconfig.angular.json), the format Angular
// libraries ship in; the only module of the package that needs @angular/core.
import { Directive, ElementRef, Input, inject, type OnChanges, type SimpleChanges } from '@angular/core';
import type { StreamChatPropertyName } from './element-props.js';
import type { StreamChat } from './stream-chat.js';

/** A number input, bound (`[historyLimit]="6"`) or static (`historyLimit="6"`). */
function toNumber(value: number | `${number}`): number {
  return Number(value);
}

/** A boolean input, bound (`[showStats]="true"`) or present as a static attribute (`showStats`). */
function toBoolean(value: boolean | ''): boolean {
  return value === '' || value === true;
}

/**
 * Types `<stream-chat>` for Angular templates: one input per property of the element, each set on
 * the element as it changes. Events need no output: `(stream-chat-complete)="on($event)"` listens
 * on the element, and `$event` is typed with its detail.
 */
@Directive({ selector: 'stream-chat', standalone: true })
export class StreamChatDirective implements OnChanges {
  private readonly element: StreamChat = inject(ElementRef).nativeElement;

  @Input() endpoint?: StreamChat['endpoint'];
  @Input() method?: StreamChat['method'];
  @Input() format?: StreamChat['format'];
  @Input() placeholder?: StreamChat['placeholder'];
  @Input({ transform: toNumber }) historyLimit?: StreamChat['historyLimit'];
  @Input({ transform: toBoolean }) disabled?: StreamChat['disabled'];
  @Input() requestFormat?: StreamChat['requestFormat'];
  @Input() model?: StreamChat['model'];
  @Input() systemPrompt?: StreamChat['systemPrompt'];
  @Input() apiKey?: StreamChat['apiKey'];
  @Input() images?: StreamChat['images'];
  @Input() html?: StreamChat['html'];
  @Input({ transform: toNumber }) idleTimeout?: StreamChat['idleTimeout'];
  @Input() credentials?: StreamChat['credentials'];
  @Input() storageKey?: StreamChat['storageKey'];
  @Input({ transform: toBoolean }) showStats?: StreamChat['showStats'];
  @Input() mode?: StreamChat['mode'];
  @Input({ transform: toBoolean }) open?: StreamChat['open'];
  @Input() theme?: StreamChat['theme'];
  @Input() headers?: StreamChat['headers'];
  @Input() body?: StreamChat['body'];
  @Input() parseEvent?: StreamChat['parseEvent'];
  @Input() prepareRequest?: StreamChat['prepareRequest'];
  @Input() conversationId?: StreamChat['conversationId'];
  @Input() conversationIdField?: StreamChat['conversationIdField'];
  @Input() idempotency?: StreamChat['idempotency'];
  @Input() messages?: StreamChat['messages'];
  @Input() labels?: StreamChat['labels'];

  ngOnChanges(changes: SimpleChanges): void {
    const element = this.element as unknown as Record<string, unknown>;
    for (const [name, change] of Object.entries(changes)) element[name] = change.currentValue;
  }
}

/** Fails to compile unless its argument is `true`. */
type Assert<T extends true> = T;

type DirectiveInputName = Exclude<keyof StreamChatDirective, 'ngOnChanges'>;

/**
 * The directive's inputs are exactly the element's properties: a property added to the class and
 * not to the directive (or an input left after its property is gone) fails the build, so the two
 * cannot drift apart.
 */
export type StreamChatDirectiveCoversTheElement = Assert<
  [Exclude<StreamChatPropertyName, DirectiveInputName>, Exclude<DirectiveInputName, StreamChatPropertyName>] extends [never, never]
    ? true
    : false
>;
