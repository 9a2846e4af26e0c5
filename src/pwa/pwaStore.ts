import { create } from 'zustand';

/** The service-worker registration, so settings can ask for an update check. */
export const usePwaStore = create<{ registration: ServiceWorkerRegistration | null; setRegistration(r: ServiceWorkerRegistration): void }>()((set) => ({
  registration: null,
  setRegistration: (registration) => set({ registration }),
}));
