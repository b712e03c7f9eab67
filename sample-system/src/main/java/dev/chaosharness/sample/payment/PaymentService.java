package dev.chaosharness.sample.payment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chaosharness.sample.kit.Defects;
import dev.chaosharness.sample.kit.EventCodec;
import dev.chaosharness.sample.kit.EventEnvelope;
import dev.chaosharness.sample.kit.EventHandler;
import dev.chaosharness.sample.kit.SampleService;
import dev.chaosharness.sample.kit.ServiceKit;
import dev.chaosharness.sample.kit.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import dev.chaosharness.sample.kit.TransientFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * The payment service: charges for {@code OrderCreated} ({@code PaymentProcessed} or
 * {@code PaymentDeclined}) and refunds on {@code StockInsufficient} and {@code ShipmentFailed}
 * ({@code PaymentRefunded}).
 *
 * <p>Thread-safe.
 */
public final class PaymentService implements SampleService, AutoCloseable {

  private final ServiceKit kit;
  private final PaymentGateway gateway;
  private final boolean notIdempotent;
  private final boolean noRefund;
  private final ExecutorService calls = Executors.newFixedThreadPool(8, daemon());
  private final ThreadLocal<Map<UUID, Future<PaymentGateway.Charge>>> prepared =
      ThreadLocal.withInitial(HashMap::new);

  /**
   * Creates the service.
   *
   * @param kit the started kit; {@code PROVIDER_URL} must be set
   */
  public PaymentService(ServiceKit kit) {
    this.kit = kit;
    if (kit.config().providerUrl().isBlank()) {
      throw new IllegalArgumentException("PROVIDER_URL must be set for the payment service, but was empty");
    }
    this.gateway = new PaymentGateway(kit.config().providerUrl(), Duration.ofSeconds(2), kit.metrics());
    this.notIdempotent = kit.config().defects().has(Defects.PAYMENT_NOT_IDEMPOTENT);
    this.noRefund = kit.config().defects().has(Defects.PAYMENT_NO_REFUND);
  }

  @Override
  public Set<String> topics() {
    return Set.of(Topics.ORDERS, Topics.STOCK, Topics.SHIPPING);
  }

  @Override
  public Map<String, EventHandler> handlers() {
    Map<String, EventHandler> handlers = new HashMap<>();
    handlers.put(Topics.ORDER_CREATED, this::charge);
    if (!noRefund) {
      handlers.put(Topics.STOCK_INSUFFICIENT, this::refund);
      handlers.put(Topics.SHIPMENT_FAILED, this::refund);
    }
    return handlers;
  }

  @Override
  public boolean dedupe() {
    return !notIdempotent;
  }

  /** Starts the poll's charges in parallel; the provider key makes a repeated charge harmless. */
  @Override
  public void prepare(List<EventEnvelope> events) {
    Map<UUID, Future<PaymentGateway.Charge>> charges = prepared.get();
    charges.clear();
    for (EventEnvelope event : events) {
      if (event.type().equals(Topics.ORDER_CREATED)) {
        charges.put(event.eventId(), calls.submit(() -> callProvider(event)));
      }
    }
  }

  private PaymentGateway.Charge callProvider(EventEnvelope created) throws TransientFailure {
    String key = notIdempotent ? created.orderId() + "/" + kit.newId() : created.orderId();
    return gateway.charge(key, created.payload().path("amountCents").asLong(),
        created.payload().path("cardNumber").asText());
  }

  private PaymentGateway.Charge chargeFor(EventEnvelope created) throws Exception {
    Future<PaymentGateway.Charge> started = prepared.get().remove(created.eventId());
    if (started == null) {
      return callProvider(created);
    }
    try {
      return started.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private void charge(Connection c, EventEnvelope created) throws Exception {
    ObjectNode order = created.payload();
    long amount = order.path("amountCents").asLong();
    PaymentGateway.Charge charge = chargeFor(created);
    try (PreparedStatement s = c.prepareStatement(
        "insert into payments (order_id, charge_id, amount_cents, status) values (?, ?, ?, ?)")) {
      s.setString(1, created.orderId());
      s.setString(2, charge.approved() ? charge.chargeId() : null);
      s.setLong(3, amount);
      s.setString(4, charge.approved() ? "CHARGED" : "DECLINED");
      s.executeUpdate();
    }
    ObjectNode payload = order.deepCopy();
    payload.remove("cardNumber");
    if (charge.approved()) {
      payload.put("chargeId", charge.chargeId());
    } else {
      payload.put("reason", charge.reason());
    }
    emit(c, created, charge.approved() ? Topics.PAYMENT_PROCESSED : Topics.PAYMENT_DECLINED, payload);
  }

  private void refund(Connection c, EventEnvelope cause) throws Exception {
    String chargeId;
    long amount;
    try (PreparedStatement s = c.prepareStatement("select charge_id, amount_cents from payments"
        + " where order_id = ? and status = 'CHARGED' order by id limit 1 for update")) {
      s.setString(1, cause.orderId());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        chargeId = rs.getString(1);
        amount = rs.getLong(2);
      }
    }
    String refundId = gateway.refund("refund/" + cause.orderId(), chargeId, amount);
    try (PreparedStatement s = c.prepareStatement(
        "update payments set status = 'REFUNDED', refund_id = ? where order_id = ? and charge_id = ?")) {
      s.setString(1, refundId);
      s.setString(2, cause.orderId());
      s.setString(3, chargeId);
      s.executeUpdate();
    }
    emit(c, cause, Topics.PAYMENT_REFUNDED, EventCodec.JSON.createObjectNode()
        .put("chargeId", chargeId).put("refundId", refundId).put("amountCents", amount));
  }

  private static ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "provider-call");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }

  private void emit(Connection c, EventEnvelope cause, String type, ObjectNode payload) throws Exception {
    kit.outbox().append(c, Topics.PAYMENTS,
        cause.cause(kit.newId(), type, kit.clock().instant(), kit.config().serviceName(), payload));
  }
}
