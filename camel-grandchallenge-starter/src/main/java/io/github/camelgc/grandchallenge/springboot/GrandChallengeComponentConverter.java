package io.github.camelgc.grandchallenge.springboot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelgc.grandchallenge.GrandChallengeConfiguration;
import io.github.camelgc.grandchallenge.client.GrandChallengeClient;
import io.github.camelgc.grandchallenge.client.HttpClientConfigurer;
import io.github.camelgc.grandchallenge.client.upload.UploadProgressListener;
import io.github.camelgc.grandchallenge.state.StateStoreFactory;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets the object options of {@code camel.component.grandchallenge.*} name a bean, as in Camel URIs:
 * {@code camel.component.grandchallenge.ssl-context-parameters=#myTrust} (or {@code #bean:myTrust}) binds the Spring
 * bean {@code myTrust}. A value without {@code #} is left to Spring's other converters.
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class GrandChallengeComponentConverter implements GenericConverter {

    /** The object option types a bean reference may stand for. */
    static final List<Class<?>> BEAN_TYPES = List.of(SSLContextParameters.class, GrandChallengeClient.class,
            HttpClientConfigurer.class, UploadProgressListener.class, GrandChallengeConfiguration.class,
            StateStoreFactory.class);

    private final BeanFactory beans;

    public GrandChallengeComponentConverter(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
        BEAN_TYPES.forEach(type -> pairs.add(new ConvertiblePair(String.class, type)));
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        if (!reference.startsWith("#")) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return beans.getBean(name, targetType.getType());
    }
}
