package com.logisticskpi.base.partition;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The default, local partition handler and a connection pool sized for the partition threads. The features publish
 * their own worker steps ({@code IngestPartitionConfiguration}, {@code OutcomesPartitionConfiguration}): present in
 * every process, the launching one runs them on local threads, a {@code ./kpi worker} runs them for remote managers.
 */
@Configuration(proxyBeanMethods = false)
public class PartitionConfiguration {

    @Bean
    @ConditionalOnExpression("'${kpi.partitioning.mode:local}' != 'remote'")
    public PartitionHandlerFactory localPartitionHandlerFactory(PartitioningProperties properties) {
        return new LocalPartitionHandlerFactory(properties.threads());
    }

    /**
     * A partition's engine work holds two connections (a streaming read and the writes) and the step bookkeeping a
     * third: the connection pool grows to fit the configured threads so that parallel partitions never wait for each
     * other's connections.
     */
    @Bean
    public static BeanPostProcessor partitionPoolSize(org.springframework.core.env.Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof HikariDataSource ds) {
                    int threads = env.getProperty("kpi.partitioning.threads", Integer.class, 0);
                    if (threads <= 0) {
                        threads = Runtime.getRuntime().availableProcessors();
                    }
                    int needed = 2 * threads + 2;
                    if (ds.getMaximumPoolSize() < needed) {
                        ds.setMaximumPoolSize(needed);
                    }
                }
                return bean;
            }
        };
    }
}
