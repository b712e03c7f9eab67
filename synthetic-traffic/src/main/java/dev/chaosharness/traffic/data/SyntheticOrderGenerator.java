package dev.chaosharness.traffic.data;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes the synthetic orders of a seed: order {@code n} of seed {@code s} is always the same,
 * whichever thread asks and in whichever order.
 *
 * <pre>{@code
 * SyntheticOrderGenerator generator = new SyntheticOrderGenerator(42);
 * SyntheticOrder first = generator.order(0);
 * }</pre>
 *
 * <p>The path mix is fixed per block of {@value #BLOCK} consecutive orders: 17 complete, and one
 * each is declined, out of stock, and undeliverable, in an order the seed shuffles. So any
 * {@code 20k} consecutive orders from a block start hold exactly that mix.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticOrderGenerator {

  /** The number of orders over which the path mix is exact. */
  public static final int BLOCK = 20;
  /** The test card the provider accepts. */
  public static final String GOOD_CARD = "4242424242424242";
  /** The test card the provider declines. */
  public static final String DECLINED_CARD = "4000000000000002";
  /** The SKU that is never in stock. */
  public static final String EMPTY_SKU = "SKU-EMPTY";
  /** The word in a shipping address that fails shipping. */
  public static final String UNDELIVERABLE = "UNDELIVERABLE";
  /** The lowest synthetic customer number ({@code c-900000}). */
  public static final int FIRST_CUSTOMER = 900_000;

  private static final SagaPath[] BLOCK_PATHS = blockPaths();

  private final long seed;

  /** Creates the generator of {@code seed}. */
  public SyntheticOrderGenerator(long seed) {
    this.seed = seed;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** Order number {@code index} (0-based) of this seed. */
  public SyntheticOrder order(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("order index must be >= 0, but was " + index);
    }
    SagaPath path = pathOf(index);
    SplittableRandom random = new SplittableRandom(mix(seed, index, 0x5EEDL));
    String key = key(random);
    String customer = "c-" + (FIRST_CUSTOMER + random.nextInt(100_000));
    String sku = path == SagaPath.STOCK_INSUFFICIENT ? EMPTY_SKU : String.format("SKU-%03d", 1 + random.nextInt(100));
    int quantity = 1 + random.nextInt(3);
    String card = path == SagaPath.PAYMENT_DECLINED ? DECLINED_CARD : GOOD_CARD;
    String address = (1 + random.nextInt(999)) + " Synthetic Street"
        + (path == SagaPath.SHIPMENT_FAILED ? " " + UNDELIVERABLE : "");
    return new SyntheticOrder(index, key, customer, sku, quantity, card, address, path);
  }

  /** The idempotency key of order {@code index}, without making the rest of the order. */
  public String idempotencyKey(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("order index must be >= 0, but was " + index);
    }
    return key(new SplittableRandom(mix(seed, index, 0x5EEDL)));
  }

  private static String key(SplittableRandom random) {
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (2L << 62)).toString();
  }

  /** The path the seed plans for order {@code index}. */
  public SagaPath pathOf(long index) {
    long block = index / BLOCK;
    SplittableRandom random = new SplittableRandom(mix(seed, block, 0xB10CL));
    SagaPath[] paths = BLOCK_PATHS.clone();
    for (int i = paths.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      SagaPath swap = paths[i];
      paths[i] = paths[j];
      paths[j] = swap;
    }
    return paths[(int) (index % BLOCK)];
  }

  /** How many of the first {@code count} orders the seed plans on each path. */
  public Map<SagaPath, Long> plan(long count) {
    Map<SagaPath, Long> plan = new EnumMap<>(SagaPath.class);
    for (SagaPath path : SagaPath.values()) {
      plan.put(path, 0L);
    }
    long whole = count / BLOCK;
    for (SagaPath path : BLOCK_PATHS) {
      plan.merge(path, whole, Long::sum);
    }
    for (long i = whole * BLOCK; i < count; i++) {
      plan.merge(pathOf(i), 1L, Long::sum);
    }
    return plan;
  }

  private static SagaPath[] blockPaths() {
    SagaPath[] paths = new SagaPath[BLOCK];
    java.util.Arrays.fill(paths, SagaPath.COMPLETED);
    paths[0] = SagaPath.PAYMENT_DECLINED;
    paths[1] = SagaPath.STOCK_INSUFFICIENT;
    paths[2] = SagaPath.SHIPMENT_FAILED;
    return paths;
  }

  private static long mix(long seed, long index, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
