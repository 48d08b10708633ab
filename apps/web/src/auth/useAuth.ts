import { useSyncExternalStore } from 'react';
import { authState, onAuthChange } from './session';

export const useAuth = () => useSyncExternalStore(onAuthChange, authState);
