package dev.tern.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesEveryCharacterThatCouldOpenMarkupOrLeaveAnAttribute() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void queryStringsAreUrlEncodedAndLeaveOutMissingValues() {
    assertThat(Html.query("a", "x y&z", "b", null, "c", "é")).isEqualTo("?a=x+y%26z&c=%C3%A9");
  }
}
