/** The custom field ids the Zendesk tests configure the adapter with (and the fixtures and the mock answer for). */
export const ZENDESK_FIELDS = {
  categoryFieldId: 360001,
  subcategoryFieldId: 360002,
  productFieldId: 360003,
  areaFieldId: 360004,
  contactMethodFieldId: 360005,
  callbackPhoneFieldId: 360006,
};
