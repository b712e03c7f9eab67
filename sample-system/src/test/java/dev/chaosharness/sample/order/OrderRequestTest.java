package dev.chaosharness.sample.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chaosharness.sample.kit.ApiError;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

  private static final String VALID = "{\"customerId\":\"c-900001\",\"sku\":\"SKU-001\",\"quantity\":2,"
      + "\"cardNumber\":\"4242424242424242\",\"shippingAddress\":\"1 Test Street\"}";

  @Test
  void should_accept_the_contract_example_when_every_field_is_valid() {
    // when
    OrderRequest request = OrderRequest.parse(VALID, true);

    // then
    assertThat(request).isEqualTo(new OrderRequest("c-900001", "SKU-001", 2, "4242424242424242", "1 Test Street"));
    assertThat(request.amountCents()).isEqualTo(2_000);
  }

  @Test
  void should_name_the_body_when_json_is_malformed() {
    ApiError error = reject("{\"customerId\":", false);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.field()).isEqualTo("body");
    assertThat(error.getMessage()).startsWith("request body is not valid JSON: ");
  }

  @Test
  void should_name_quantity_when_it_is_negative() {
    ApiError error = reject(VALID.replace("\"quantity\":2", "\"quantity\":-1"), false);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.field()).isEqualTo("quantity");
    assertThat(error.getMessage()).isEqualTo("quantity must be within [1, 100], but was -1");
  }

  @Test
  void should_name_quantity_when_it_is_not_an_integer() {
    ApiError error = reject(VALID.replace("\"quantity\":2", "\"quantity\":\"two\""), false);
    assertThat(error.field()).isEqualTo("quantity");
    assertThat(error.getMessage()).isEqualTo("quantity must be an integer within [1, 100], but was \"two\"");
  }

  @Test
  void should_answer_422_naming_sku_when_the_sku_is_unknown() {
    ApiError error = reject(VALID.replace("SKU-001", "SKU-101"), false);
    assertThat(error.status()).isEqualTo(422);
    assertThat(error.field()).isEqualTo("sku");
    assertThat(error.getMessage())
        .isEqualTo("sku 'SKU-101' is unknown; known SKUs are SKU-001..SKU-100 and SKU-EMPTY");
  }

  @Test
  void should_name_the_missing_field_when_a_required_field_is_absent() {
    ApiError error = reject(VALID.replace("\"customerId\":\"c-900001\",", ""), false);
    assertThat(error.field()).isEqualTo("customerId");
    assertThat(error.getMessage()).isEqualTo("customerId must be a non-blank string, but was null");
  }

  @Test
  void should_refuse_a_real_card_when_the_order_is_synthetic() {
    ApiError error = reject(VALID.replace("4242424242424242", "5555555555554444"), true);
    assertThat(error.field()).isEqualTo("cardNumber");
    assertThat(error.getMessage())
        .isEqualTo("synthetic orders must use a test card [4000000000000002, 4242424242424242]");
  }

  @Test
  void should_know_the_empty_sku_and_the_catalog_range() {
    assertThat(OrderRequest.isKnownSku("SKU-EMPTY")).isTrue();
    assertThat(OrderRequest.isKnownSku("SKU-100")).isTrue();
    assertThat(OrderRequest.isKnownSku("SKU-000")).isFalse();
    assertThat(OrderRequest.isKnownSku("sku-001")).isFalse();
  }

  private static ApiError reject(String body, boolean synthetic) {
    return catchThrowableOfType(ApiError.class, () -> OrderRequest.parse(body, synthetic));
  }
}
