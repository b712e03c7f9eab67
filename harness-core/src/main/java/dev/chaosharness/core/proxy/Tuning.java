package dev.chaosharness.core.proxy;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;

/**
 * Socket tuning for bulk transfer: reads grow up to 256 KiB, and a channel stays writable until
 * 1 MiB is pending, so a fast stream pauses reading rarely.
 */
final class Tuning {

  static final RecvByteBufAllocator RECEIVE = new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024);
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  private Tuning() {}
}
