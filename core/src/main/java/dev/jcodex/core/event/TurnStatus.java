package dev.jcodex.core.event;

public enum TurnStatus { IN_PROGRESS, COMPLETED, INTERRUPTED, FAILED }
