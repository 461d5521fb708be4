package dev.numera.web.smoke;

import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

class SmokeTest {
    @Test
    void smoke() {
        try (Chromium c = Chromium.launch()) {
            for (String rt : new String[] {"js", "wasm", ""}) {
                c.driver.get(Site.server().url("index.html" + (rt.isEmpty() ? "" : "?runtime=" + rt)));
                System.out.println(rt + " -> " + Pages.awaitStart(c.driver) + " runtime=" + Pages.js(c.driver, "return window.numera && window.numera.runtime"));
                System.out.println(Pages.js(c.driver, "return document.getElementById('prediction').textContent + '/' + document.getElementById('no-digit').textContent + '/' + crossOriginIsolated + '/' + (function(){try{eval('1');return 'eval-allowed'}catch(e){return 'eval-blocked'}})()"));
                Pages.js(c.driver, "window.__v='none'; window.__e='no'; document.addEventListener('securitypolicyviolation', function(e){window.__v=e.effectiveDirective + ' ' + e.originalPolicy;}); setTimeout('window.__e=\"yes\"', 0);");
                System.out.println("string-eval ran: " + Pages.await(c.driver, "window.__e === 'yes' || window.__v !== 'none'", "window.__e + ' / ' + window.__v"));
                for (LogEntry e : c.driver.manage().logs().get(LogType.BROWSER)) System.out.println("  console: " + e.getMessage());
            }
        }
    }
}
