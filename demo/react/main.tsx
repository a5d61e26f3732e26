import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatPanel } from './ChatPanel.js';

const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '/api/chat/stream';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatPanel endpoint={endpoint} runId={5} />
  </StrictMode>,
);
