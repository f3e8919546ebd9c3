package io.github.camelgc.grandchallenge.springboot;

import io.github.camelgc.grandchallenge.GrandChallengeComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code grandchallenge} component from {@code camel.component.grandchallenge.*} when Camel's Spring
 * Boot auto-configuration runs: a {@link ComponentCustomizer} copies the bound properties onto the component through
 * Camel's property binding (its generated configurer), as the camel-spring-boot starters do. Switched off with
 * {@code camel.component.grandchallenge.enabled=false} (or {@code camel.component.enabled=false}); the customizer
 * alone with {@code camel.component.grandchallenge.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, GrandChallengeComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.grandchallenge" })
public class GrandChallengeComponentAutoConfiguration {

    /** Applies the properties to every {@link GrandChallengeComponent} Camel creates. */
    @Lazy
    @Bean
    public ComponentCustomizer configureGrandChallengeComponent(ApplicationContext applicationContext,
            CamelContext camelContext, GrandChallengeComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.grandchallenge.customizer") && target instanceof GrandChallengeComponent;
            }
        };
    }
}
