import { createZendeskAdapter } from 'support-elements';
declare const myOAuth: { accessToken: string }; // your app's OAuth client

export const backend = createZendeskAdapter({
  subdomainUrl: 'https://acme.zendesk.com',
  getToken: () => myOAuth.accessToken, // the end user's OAuth token (scope "read write")
  fields: {
    categoryFieldId: 360001,
    subcategoryFieldId: 360002,
    productFieldId: 360003,
    areaFieldId: 360004,
    contactMethodFieldId: 360005,
    callbackPhoneFieldId: 360006,
  },
});
