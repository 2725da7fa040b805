import { createFetchAdapter } from 'support-elements';
declare const auth: { accessToken: string; refresh(): Promise<boolean> }; // your app's sign-in

export const backend = createFetchAdapter({
  baseUrl: '/api',
  getToken: () => auth.accessToken,
  // After a 401: renew and return the new token, or undefined when it cannot be renewed.
  refreshToken: async () => (await auth.refresh()) ? auth.accessToken : undefined,
});
