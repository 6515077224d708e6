// The buying flow — carts, checkouts, payment, shipping quotes — in one
// normalized shape, for platforms that offer it (Outshifter). Like the
// normalized order: money is decimal strings, times ISO 8601 UTC.

import type { Money, Platform } from '../core/order.js';

/** A value beside the platform's own JSON, for --raw. */
export interface Got<T> {
  value: T;
  raw: unknown;
}

export interface CartItem {
  id: string | null;
  productId: string;
  variantId: string | null;
  title: string | null;
  quantity: number;
  unitPrice: Money | null;
  tax: Money | null;
  total: Money | null;
}

export interface Cart {
  id: string;
  platform: Platform;
  sessionId: string | null;
  currency: string | null;
  items: CartItem[];
  total: Money | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** A shopper's address and contact as a checkout holds them (the flags' names). */
export interface Contact {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phoneCode: string | null;
  phone: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  country: string | null;
  countryCode: string | null;
  zip: string | null;
}

export interface ShippingRate {
  code: string;
  name: string | null;
  price: Money | null;
}

export interface Checkout {
  id: string;
  platform: Platform;
  status: string;
  cartId: string | null;
  currency: string | null;
  email: string | null;
  paymentMethod: string | null;
  shippingAddress: Contact | null;
  billingAddress: Contact | null;
  shippingRate: ShippingRate | null;
  items: CartItem[];
  totals: { items: Money | null; tax: Money | null; shipping: Money | null; total: Money | null };
  successUrl: string | null;
  cancelUrl: string | null;
  checkoutUrl: string | null;
  orderId: string | null;
  availablePaymentMethods: string[];
  createdAt: string | null;
  updatedAt: string | null;
}

export interface Payment {
  checkoutId: string;
  status: string | null;
  paymentMethod: string | null;
  email: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  shippingAddress: Contact | null;
  billingAddress: Contact | null;
  cart: Cart | null;
}

export interface PaymentStarted {
  checkoutId: string;
  checkoutUrl: string;
  orderId: string;
}

export interface Quote {
  serviceName: string;
  description: string | null;
  serviceCode: string;
  total: Money | null;
}

export interface PaymentMethod {
  name: string;
}

export interface KlarnaSession {
  cartId: string;
  orderId: string;
  klarnaOrderId: string | null;
  status: string | null;
  htmlSnippet: string | null;
}

export interface CartItemInput {
  productId: string;
  variantId?: string;
  quantity: number;
  /** Decimal string; absent: the catalogue's price. */
  unitPrice?: string;
}

/** What a checkout update sends; absent fields are left as they are. */
export interface CheckoutPatch {
  shippingAddress?: Partial<Contact>;
  billingAddress?: Partial<Contact>;
  email?: string;
  paymentMethod?: string;
  shippingRate?: string;
  successUrl?: string;
  cancelUrl?: string;
}

export interface PaymentInit {
  method: string;
  successUrl?: string;
  cancelUrl?: string;
  /** The shipping contact, sent flat as the documented body has it. */
  contact: Contact;
}

export interface Commerce {
  createCart(o: { sessionId: string; currency?: string }): Promise<Got<Cart>>;
  getCart(id: string): Promise<Got<Cart>>;
  addCartItems(id: string, items: CartItemInput[]): Promise<Got<Cart>>;
  updateCartItem(id: string, itemId: string, quantity: number): Promise<Got<Cart>>;
  removeCartItem(id: string, itemId: string): Promise<void>;
  deleteCart(id: string): Promise<void>;
  klarna(cartId: string): Promise<Got<KlarnaSession>>;
  createCheckout(cartId: string): Promise<Got<Checkout>>;
  getCheckout(id: string): Promise<Got<Checkout>>;
  updateCheckout(id: string, patch: CheckoutPatch): Promise<Got<Checkout>>;
  deleteCheckout(id: string): Promise<void>;
  paymentMethods(): Promise<Got<PaymentMethod[]>>;
  startPayment(id: string, o: PaymentInit): Promise<Got<PaymentStarted>>;
  getPayment(id: string): Promise<Got<Payment>>;
  shippingQuote(q: { items: Array<{ productId: string; quantity: number }>; country: string; currency: string }): Promise<Got<Quote>>;
}
