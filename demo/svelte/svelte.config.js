// svelte-check and the Vite plugin read this; the example needs no preprocessing beyond TypeScript,
// which Svelte 5 understands natively.
export default {};
