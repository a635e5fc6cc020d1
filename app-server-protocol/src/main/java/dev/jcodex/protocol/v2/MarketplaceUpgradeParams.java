package dev.jcodex.protocol.v2;

/** marketplace/upgrade: {@code marketplaceName} null upgrades every configured marketplace. */
public record MarketplaceUpgradeParams(String marketplaceName) {}
