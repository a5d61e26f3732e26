import { mount } from 'svelte';
import ChatPanel from './ChatPanel.svelte';

const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '/api/chat/stream';

mount(ChatPanel, { target: document.getElementById('root')!, props: { endpoint, runId: 5 } });
