package dev.chaosharness.core.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;

/**
 * What every proxy of one server shares: the data-plane event loops, the control executor (API
 * requests and lease expiry run there, one at a time), the seed and the logger.
 */
record ProxyRuntime(EventLoopGroup group, Transport transport, EventExecutor control, long seed, Logger log) {}
