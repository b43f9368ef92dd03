package dev.ssosetup.core.provider;

/**
 * Where OpenMetadata runs: on the operator's own servers ({@link #SELF_HOSTED}: keys, admins and a push to the server)
 * or hosted by Collate ({@link #COLLATE}: the customer only registers the client and hands its details to the Collate
 * team, who configure the server). Profiles without the field are self-hosted.
 */
public enum Deployment {
    SELF_HOSTED,
    COLLATE
}
