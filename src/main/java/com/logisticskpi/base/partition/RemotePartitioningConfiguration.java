package com.logisticskpi.base.partition;

import javax.sql.DataSource;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;

import com.logisticskpi.base.ExitCode;
import com.logisticskpi.base.KpiException;

/**
 * Remote partitioning ({@code kpi.partitioning.mode=remote}, Spring Batch Integration over RabbitMQ): the manager (the
 * process running the job) sends one request per partition (worker step name and step execution id, as text) to the
 * queue {@code kpi.partitioning.queue}; {@code ./kpi worker} processes take them one at a time, execute the partition
 * against the shared MySQL/MariaDB job repository and record the outcome there; the manager polls the job repository
 * until every partition has finished or {@code kpi.partitioning.timeout} has passed. Without the setting none of this
 * exists: RabbitMQ's auto-configuration is excluded ({@link RabbitOnlyWhenRemote}), so a default run never connects to a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kpi.partitioning.mode", havingValue = "remote")
@EnableIntegration
public class RemotePartitioningConfiguration {

    static final String REQUESTS_CHANNEL = "kpiPartitionRequests";

    /** Remote partitions need a database every process shares: refused on the embedded H2 database (exit 6). */
    @Bean
    public SharedDatabaseCheck sharedDatabaseCheck(DataSource dataSource) {
        return new SharedDatabaseCheck(dataSource);
    }

    @Bean
    public Queue kpiPartitionQueue(PartitioningProperties properties) {
        return new Queue(properties.queue(), true);
    }

    @Bean(name = REQUESTS_CHANNEL)
    public MessageChannel kpiPartitionRequests() {
        return new DirectChannel();
    }

    @Bean
    public IntegrationFlow kpiPartitionRequestsToBroker(AmqpTemplate amqpTemplate, PartitioningProperties properties) {
        return IntegrationFlow.from(REQUESTS_CHANNEL)
                .transform(StepExecutionRequest.class, RemotePartitioningConfiguration::encode)
                .handle(Amqp.outboundAdapter(amqpTemplate).routingKey(properties.queue()))
                .get();
    }

    @Bean
    public PartitionHandlerFactory remotePartitionHandlerFactory(JobRepository jobRepository,
                                                                 PartitioningProperties properties,
                                                                 @org.springframework.beans.factory.annotation.Qualifier(REQUESTS_CHANNEL) MessageChannel requests,
                                                                 SharedDatabaseCheck check) {
        return new PartitionHandlerFactory() {
            @Override
            public PartitionHandler handler(Step workerStep, int gridSize) {
                LostPartitionsHandler handler = new LostPartitionsHandler(jobRepository, properties.timeout());
                MessagingTemplate template = new MessagingTemplate();
                template.setDefaultChannel(requests);
                handler.setMessagingOperations(template);
                handler.setStepName(workerStep.getName());
                handler.setGridSize(gridSize);
                handler.setPollInterval(properties.pollInterval().toMillis());
                try {
                    handler.afterPropertiesSet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return handler;
            }

            @Override
            public String describe() {
                return "remote workers (queue " + properties.queue() + ", timeout " + properties.timeout() + ")";
            }
        };
    }

    /** The worker side, in {@code ./kpi worker} only: consume requests, one at a time per consumer thread. */
    @Bean
    @ConditionalOnProperty(name = "kpi.partitioning.worker", havingValue = "true")
    public IntegrationFlow kpiPartitionWorker(ConnectionFactory connectionFactory, PartitioningProperties properties,
                                              JobRepository jobRepository, BeanFactory beanFactory,
                                              SharedDatabaseCheck check) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        WorkerRequestHandler handler = new WorkerRequestHandler(jobRepository, steps);
        return IntegrationFlow
                .from(Amqp.inboundAdapter(connectionFactory, properties.queue())
                        .configureContainer(c -> c
                                .prefetchCount(1)                   // fair dispatch: one partition at a time per consumer
                                .concurrentConsumers(properties.threads())
                                .defaultRequeueRejected(false)
                                .shutdownTimeout(properties.timeout().toMillis())))
                .transform(String.class, RemotePartitioningConfiguration::decode)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    handler.handle(request);
                    return null;
                })
                .get();
    }

    /** The request as text ({@code <worker step name>\n<step execution id>}): no Java serialization over the broker. */
    static String encode(StepExecutionRequest request) {
        return request.getStepName() + "\n" + request.getStepExecutionId();
    }

    static StepExecutionRequest decode(String text) {
        int nl = text.lastIndexOf('\n');
        if (nl <= 0) {
            throw new IllegalArgumentException("not a partition request: " + text);
        }
        return new StepExecutionRequest(text.substring(0, nl), Long.parseLong(text.substring(nl + 1).trim()));
    }

    /** Fails the start of a remote manager or worker on the embedded database. */
    public static final class SharedDatabaseCheck {

        SharedDatabaseCheck(DataSource dataSource) {
            String url;
            try (var c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
            }
            if (url != null && url.startsWith("jdbc:h2:")) {
                throw new KpiException(ExitCode.BAD_CONFIG, "remote partitioning (kpi.partitioning.mode=remote, kpi worker) "
                        + "needs the shared MySQL/MariaDB job repository; this is the embedded H2 database. "
                        + "Use --profile mysql (KPI_DB_URL) in the manager and in every worker");
            }
        }
    }
}
