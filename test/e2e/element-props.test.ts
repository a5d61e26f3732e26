// The framework typings (src/react.ts, vue.ts, svelte.ts, angular.ts) derive the element's
// properties and attribute names from the class through src/element-props.ts. What the type system
// cannot see, Lit's declarations can: this holds the two together at run time.
import { expect } from '@open-wc/testing';
import type { KebabCase, StreamChatPropertyOnlyName } from '../../src/element-props.js';
import { StreamChat } from '../../src/stream-chat.js';
import '../../src/define.js';

/** The properties the typings treat as having no attribute; `satisfies` makes the list exact. */
const propertyOnly = {
  parseEvent: true,
  prepareRequest: true,
  conversationId: true,
  messages: true,
} satisfies Record<StreamChatPropertyOnlyName, true>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

describe('element props as the framework typings see them', () => {
  const declared = [...StreamChat.elementProperties].filter(([, options]) => !options.state);

  it('the properties without an attribute are exactly StreamChatPropertyOnlyName', () => {
    const withoutAttribute = declared.filter(([, options]) => options.attribute === false).map(([name]) => String(name));
    // Accessors of the class with a setter (messages, conversationId) are not Lit properties and
    // have no attribute either; getter-only ones (busy) are read-only and no property for templates.
    const accessors = Object.entries(Object.getOwnPropertyDescriptors(StreamChat.prototype))
      .filter(([name, descriptor]) => descriptor.set && !StreamChat.elementProperties.has(name))
      .map(([name]) => name);
    expect([...withoutAttribute, ...accessors].sort()).to.deep.equal(Object.keys(propertyOnly).sort());
  });

  it('every other property is observed under its kebab-case name (KebabCase)', () => {
    const sample: KebabCase<'historyLimit' | 'showStats' | 'theme'> = 'history-limit';
    expect(kebab('historyLimit')).to.equal(sample);
    const observed = (StreamChat as unknown as { observedAttributes: string[] }).observedAttributes;
    for (const [name, options] of declared) {
      if (options.attribute === false) continue;
      const attribute = typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase();
      expect(attribute, String(name)).to.equal(kebab(String(name)));
      expect(observed).to.include(attribute);
    }
  });
});
