package dev.airlock.agent.identity;

/** Who made one call: tenant, feature and end user, each null when no source answered. */
public final class Identity {

  public static final Identity UNKNOWN = new Identity(null, null, null);

  private final String tenant;
  private final String feature;
  private final String user;

  Identity(String tenant, String feature, String user) {
    this.tenant = tenant;
    this.feature = feature;
    this.user = user;
  }

  public String tenant() {
    return tenant;
  }

  public String feature() {
    return feature;
  }

  public String user() {
    return user;
  }
}
