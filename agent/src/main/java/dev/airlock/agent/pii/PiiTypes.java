package dev.airlock.agent.pii;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The ids of the built-in detectors, exactly as a policy writes them in {@code pii.detect}.
 *
 * <p>Custom patterns and word lists use their own policy name as their type; these constants name
 * only what ships with the agent.
 */
public final class PiiTypes {

  /** E-mail addresses. */
  public static final String EMAIL = "email";
  /** Phone numbers: E.164 and national formats (trunk prefix 0, NANP, European national plans). */
  public static final String PHONE = "phone";
  /** Payment card numbers (Luhn and the issuer ranges). */
  public static final String CREDIT_CARD = "credit_card";
  /** International bank account numbers (country length, BBAN structure, mod 97). */
  public static final String IBAN = "iban";
  /** US social security numbers. */
  public static final String US_SSN = "us_ssn";
  /** IPv4 and IPv6 addresses, with an optional CIDR prefix or IPv6 zone. */
  public static final String IP_ADDRESS = "ip_address";
  /** API keys, tokens, private keys and passwords. */
  public static final String SECRET = "secret";
  /** UK national insurance numbers. */
  public static final String UK_NINO = "uk_nino";
  /** German tax identification numbers (Steuer-ID). */
  public static final String DE_TAX_ID = "de_tax_id";
  /** Spanish NIF (DNI) and NIE numbers. */
  public static final String ES_NIF = "es_nif";
  /** Italian fiscal codes (codice fiscale). */
  public static final String IT_FISCAL_CODE = "it_fiscal_code";

  private static final List<String> BUILT_IN =
      Collections.unmodifiableList(
          Arrays.asList(
              EMAIL, PHONE, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, SECRET, UK_NINO, DE_TAX_ID,
              ES_NIF, IT_FISCAL_CODE));

  private PiiTypes() {}

  /** Every built-in id, in a fixed order (the order the scanner runs them in). */
  public static List<String> builtIn() {
    return BUILT_IN;
  }
}
