import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { onAuthChange } from './auth/session';
import './i18n/i18n';
import './ui/fonts.css';
import './ui/app.css';

const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });
// Nothing one person read stays in memory for the next one on a shared phone.
// Cleared when the session ends and whenever the signed-in person changes (an invitation accepted
// for another account moves straight from one person to the next).
let reader: string | undefined;
onAuthChange((state) => {
  const next = state.status === 'signedIn' ? state.user.id : undefined;
  if (next !== reader || !next) queries.clear();
  reader = next;
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
