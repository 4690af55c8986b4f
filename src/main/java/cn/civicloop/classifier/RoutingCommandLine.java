package cn.civicloop.classifier;

import cn.civicloop.classifier.csv.CsvFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The routing command line (命令行): trains a model from CSV files and classifies a CSV of messages, without starting
 * the application. Independent acceptance checks call it, so its arguments and output format are stable:
 * <pre>
 * routing train --out MODEL FILE.csv...
 * routing classify --model MODEL --in IN.csv --out OUT.csv
 * </pre>
 * Exit codes: 0 success, 1 bad data or I/O failure, 2 wrong usage. {@code classifier} (the module's name) is accepted
 * in place of {@code routing}.
 */
public final class RoutingCommandLine {

    static final String USAGE = """
            usage: routing train --out MODEL FILE.csv...
                     FILE.csv: UTF-8 CSV with a header holding 'label' and 'title' and/or 'detail'
                   routing classify --model MODEL --in IN.csv --out OUT.csv
                     IN.csv: message_id,title,detail   OUT.csv: message_id,label,confidence""";

    private RoutingCommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args);
            if (a.command().equals("train")) {
                return train(a, out);
            }
            return classify(a, out);
        } catch (UsageException e) {
            err.println("routing: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (CsvFormatException | IllegalArgumentException e) {
            err.println("routing: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("routing: file not found: " + e.getFile());
            return 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("routing: " + e.getMessage());
            return 1;
        }
    }

    private static int train(Arguments a, PrintStream out) throws IOException {
        long start = System.nanoTime();
        List<RoutingExample> examples = TrainingFiles.read(a.files());
        RoutingModel model = new RoutingTrainer().train(examples);
        model.save(a.required("--out"));
        ModelInfo info = model.info();
        out.printf(Locale.ROOT, "routing: trained %s on %d examples (%d labels, %d features) in %.1f s; "
                        + "out-of-fold macro-F1 %.3f, auto-route threshold %.2f -> %s%n",
                info.version(), info.trainingSize(), model.labels().size(), info.vocabularySize(),
                (System.nanoTime() - start) / 1e9, info.outOfFoldMacroF1(), info.autoRouteThreshold(),
                a.required("--out"));
        return 0;
    }

    private static int classify(Arguments a, PrintStream out) throws IOException {
        RoutingModel model = RoutingModel.load(a.required("--model"));
        List<MessageCsv.Message> messages = MessageCsv.read(a.required("--in"));
        List<MessageCsv.Result> results = new ArrayList<>(messages.size());
        for (MessageCsv.Message m : messages) {
            LabelConfidence top = m.title().isBlank() && m.detail().isBlank()
                    ? new LabelConfidence("", 0.0)
                    : model.suggest(m.title(), m.detail()).top();
            results.add(new MessageCsv.Result(m.id(), top.label(), top.confidence()));
        }
        Path target = a.required("--out");
        MessageCsv.write(target, results);
        out.printf(Locale.ROOT, "routing: classified %d messages with %s -> %s%n", results.size(),
                model.info().version(), target);
        return 0;
    }

    /** True for the words that start this tool on the jar's command line. */
    public static boolean isVerb(String word) {
        return "routing".equals(word) || "classifier".equals(word);
    }

    /** The parsed command line; {@code files} are the positional arguments after the options. */
    record Arguments(String command, java.util.Map<String, String> options, List<Path> files) {

        static Arguments parse(String[] args) {
            if (args.length < 2 || !isVerb(args[0])) {
                throw new UsageException(args.length < 2 ? "missing command" : "first argument must be 'routing'");
            }
            String command = args[1];
            List<String> allowed = switch (command) {
                case "train" -> List.of("--out");
                case "classify" -> List.of("--model", "--in", "--out");
                default -> throw new UsageException("unknown command '" + command + "'");
            };
            java.util.Map<String, String> options = new java.util.HashMap<>();
            List<Path> files = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (!allowed.contains(args[i])) {
                        throw new UsageException("unknown option " + args[i] + " for '" + command + "'");
                    }
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                } else {
                    files.add(Path.of(args[i]));
                }
            }
            for (String option : allowed) {
                if (!options.containsKey(option)) {
                    throw new UsageException("missing option " + option);
                }
            }
            if (command.equals("train") && files.isEmpty()) {
                throw new UsageException("no training CSV file given");
            }
            if (command.equals("classify") && !files.isEmpty()) {
                throw new UsageException("unexpected argument " + files.get(0));
            }
            return new Arguments(command, options, files);
        }

        Path required(String option) {
            return Path.of(options.get(option));
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
