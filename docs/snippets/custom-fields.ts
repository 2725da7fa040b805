// Two extra questions for eSignature cases, and a page that opens a case about one order.
import type { CustomFieldDef, SupportConfig, TicketForm, TicketPrefill } from 'support-elements';

export const orderFields: readonly CustomFieldDef[] = [
  {
    id: 'order',
    kind: 'text',
    areaId: 'esign',
    required: true,
    maxLength: 20,
    pattern: { source: 'ORD-[0-9]+', message: { en: 'Enter an order number like ORD-1234', fr: 'Saisissez un numéro de commande comme ORD-1234' } },
    label: { en: 'Order number', fr: 'Numéro de commande', de: 'Bestellnummer' },
    hint: { en: 'On your invoice, for example ORD-1234.', fr: 'Sur votre facture, par exemple ORD-1234.' },
    helpdesk: { zendesk: 360012345678, freshdesk: 'cf_order_number' },
  },
  {
    id: 'blocking',
    kind: 'checkbox',
    areaId: 'esign',
    label: { en: 'This blocks my work', fr: 'Cela bloque mon travail' },
    helpdesk: { zendesk: 360012345679, freshdesk: 'cf_blocking' },
  },
];

/** Opens `form` on a case about `order`: the order number is shown read-only and sent. */
export function openOrderCase(form: TicketForm, config: SupportConfig, order: string): void {
  form.config = { ...config, customFields: orderFields };
  const prefill: TicketPrefill = {
    subject: { value: `Order ${order}` },
    contactMethod: { value: 'email' },
    customFields: { order: { value: order, readOnly: true } },
  };
  form.prefill = prefill;
}
