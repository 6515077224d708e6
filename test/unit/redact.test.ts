import { describe, expect, it } from 'vitest';
import { REDACTED, redactHeaders, redactText, secretForms } from '../../src/core/redact.js';

describe('redaction', () => {
  it('hides auth headers whatever their case', () => {
    expect(redactHeaders({ 'X-Auth-Token': 'abc', Authorization: 'Basic x', accept: 'application/json' })).toEqual({
      'X-Auth-Token': REDACTED,
      Authorization: REDACTED,
      accept: 'application/json',
    });
  });

  it('removes a secret and its encoded form from any text', () => {
    const secret = 'tok/en+secret';
    expect(redactText(`a ${secret} b ${encodeURIComponent(secret)}`, [secret])).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it('knows the Basic form of credentials', () => {
    const forms = secretForms('key123', 'admin@example.com');
    expect(forms).toContain(Buffer.from('admin@example.com:key123').toString('base64'));
  });
});
