package io.camelpcluster.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

class ScratchBindingTest {
  public static class Target implements CamelContextAware {
    private final Map<String, String> parameters = new LinkedHashMap<>();
    CamelContext ctx;
    public Map<String, String> getParameters() { return parameters; }
    public CamelContext getCamelContext() { return ctx; }
    public void setCamelContext(CamelContext c) { ctx = c; }
  }

  @Test
  void binds() throws Exception {
    CamelContext context = new DefaultCamelContext();
    Object t = PropertyBindingSupport.resolveBean(context, "#class:" + Target.class.getName());
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("parameters.pipelineId", "x");
    props.put("parameters[owner]", "y");
    PropertyBindingSupport.setPropertiesOnTarget(context, t, props);
    System.out.println("PARAMS " + ((Target) t).getParameters() + " ctx=" + ((Target) t).ctx);
  }
}
