package dev.airlock.agent.pii;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shared instance of each built-in detector, by type id. Detectors are stateless, so
 * every scanner (one per policy, rebuilt on reload) reuses them and their compiled patterns.
 */
final class BuiltInDetectors {

  private static final Map<String, Detector> BY_TYPE;

  static {
    Map<String, Detector> m = new LinkedHashMap<>();
    m.put(PiiTypes.EMAIL, new EmailDetector());
    m.put(PiiTypes.PHONE, new PhoneDetector());
    m.put(PiiTypes.CREDIT_CARD, new CreditCardDetector());
    m.put(PiiTypes.IBAN, new IbanDetector());
    m.put(PiiTypes.US_SSN, new UsSsnDetector());
    m.put(PiiTypes.IP_ADDRESS, new IpAddressDetector());
    m.put(PiiTypes.SECRET, new SecretDetector());
    m.put(PiiTypes.UK_NINO, new UkNinoDetector());
    m.put(PiiTypes.DE_TAX_ID, new DeTaxIdDetector());
    m.put(PiiTypes.ES_NIF, new EsNifDetector());
    m.put(PiiTypes.IT_FISCAL_CODE, new ItFiscalCodeDetector());
    if (!m.keySet().equals(new java.util.HashSet<>(PiiTypes.builtIn()))) {
      throw new IllegalStateException("built-in detectors and PiiTypes disagree");
    }
    BY_TYPE = Collections.unmodifiableMap(m);
  }

  private BuiltInDetectors() {}

  /** The detector for a built-in id, or null when the id is not built in. */
  static Detector forType(String type) {
    return BY_TYPE.get(type);
  }
}
