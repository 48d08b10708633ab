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
onAuthChange((state) => {
  if (state.status !== 'signedIn') queries.clear();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
