package dev.jcodex.core.item;

public enum ItemStatus { IN_PROGRESS, COMPLETED, FAILED, DECLINED }
