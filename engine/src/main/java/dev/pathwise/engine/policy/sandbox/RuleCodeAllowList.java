package dev.pathwise.engine.policy.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * What code compiled from rule files may reference, member by member. Everything not listed here is refused.
 *
 * <p>Rules see the fact model in full (every public member of {@code dev.pathwise.engine.facts} and of the value types
 * they expose), and of the JDK only values: strings, boxed numbers, {@code Math}, collections read-only and
 * {@code java.time} values without clocks. Of Drools, a consequence may insert, insert logically, update and delete
 * facts. The structural code Drools generates around the rules (the rule definitions, the fact metadata) may also
 * call the builders of Drools' executable model; user expressions never get those.
 *
 * <p>It stays one class on purpose: it is the allow-list, a table read top to bottom when a rule is refused, and a
 * reviewer must see everything rules may reach in one place.
 */
final class RuleCodeAllowList {

    /** Packages whose public types are open to rules with every public member they declare. */
    static final Set<String> OPEN_PACKAGES = Set.of("dev/pathwise/engine/facts/");

    /** Engine types open to rules with every public member they declare. */
    static final Set<String> OPEN_TYPES = Set.of(
            "dev/pathwise/engine/policy/BandParameters",
            "dev/pathwise/engine/learner/MasteryLevel",
            "dev/pathwise/engine/learner/GradeBand",
            "dev/pathwise/engine/activity/ActivityKind",
            "dev/pathwise/engine/activity/Modality",
            "dev/pathwise/engine/activity/Grouping",
            "dev/pathwise/engine/evidence/EvidenceKind",
            "dev/pathwise/engine/mastery/Rollup",
            "dev/pathwise/engine/mastery/RollupRule");

    private static final Set<String> NUMBER_VALUES =
            Set.of("intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue");
    private static final Set<String> VALUE_BASICS = Set.of("equals", "hashCode", "toString", "compareTo");
    private static final Set<String> BOXED = union(
            NUMBER_VALUES,
            VALUE_BASICS,
            Set.of(
                    "valueOf",
                    "compare",
                    "booleanValue",
                    "charValue",
                    "parseInt",
                    "parseLong",
                    "parseDouble",
                    "parseFloat",
                    "parseBoolean",
                    "isNaN",
                    "isInfinite",
                    "isFinite",
                    "min",
                    "max",
                    "sum",
                    "signum",
                    "abs",
                    "isDigit",
                    "isLetter",
                    "isWhitespace",
                    "isUpperCase",
                    "isLowerCase",
                    "toUpperCase",
                    "toLowerCase",
                    "logicalAnd",
                    "logicalOr",
                    "logicalXor"));

    /**
     * JDK methods rules may call, by declaring class, by name (any signature). Constructors are listed as
     * {@code <init>}. Nothing here reads a clock, does I/O, starts a thread, loads a class or grows without bound
     * (string concatenation is counted separately).
     */
    static final Map<String, Set<String>> JDK_METHODS = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("equals", "hashCode", "toString")),
            Map.entry("java/lang/Record", Set.of("equals", "hashCode", "toString")),
            Map.entry("java/lang/Enum", Set.of("name", "ordinal", "compareTo", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "isEmpty", "toString")),
            Map.entry(
                    "java/lang/String",
                    Set.of(
                            "length",
                            "isEmpty",
                            "isBlank",
                            "charAt",
                            "equals",
                            "equalsIgnoreCase",
                            "compareTo",
                            "compareToIgnoreCase",
                            "contains",
                            "startsWith",
                            "endsWith",
                            "indexOf",
                            "lastIndexOf",
                            "substring",
                            "toLowerCase",
                            "toUpperCase",
                            "trim",
                            "strip",
                            "stripLeading",
                            "stripTrailing",
                            "valueOf",
                            "hashCode",
                            "toString",
                            "concat")),
            Map.entry("java/lang/Number", NUMBER_VALUES),
            Map.entry("java/lang/Integer", BOXED),
            Map.entry("java/lang/Long", BOXED),
            Map.entry("java/lang/Double", BOXED),
            Map.entry("java/lang/Float", BOXED),
            Map.entry("java/lang/Short", BOXED),
            Map.entry("java/lang/Byte", BOXED),
            Map.entry("java/lang/Boolean", BOXED),
            Map.entry("java/lang/Character", BOXED),
            Map.entry(
                    "java/lang/Math",
                    Set.of(
                            "abs",
                            "max",
                            "min",
                            "floor",
                            "ceil",
                            "round",
                            "rint",
                            "pow",
                            "sqrt",
                            "cbrt",
                            "exp",
                            "log",
                            "log10",
                            "log1p",
                            "expm1",
                            "signum",
                            "floorDiv",
                            "floorMod",
                            "hypot",
                            "toIntExact",
                            "addExact",
                            "subtractExact",
                            "multiplyExact",
                            "negateExact")),
            Map.entry(
                    "java/util/Objects",
                    Set.of("equals", "isNull", "nonNull", "hashCode", "toString", "requireNonNullElse")),
            Map.entry(
                    "java/util/Collection", Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode")),
            Map.entry(
                    "java/util/List",
                    Set.of(
                            "size",
                            "isEmpty",
                            "contains",
                            "containsAll",
                            "get",
                            "indexOf",
                            "lastIndexOf",
                            "equals",
                            "hashCode")),
            Map.entry("java/util/Set", Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode")),
            Map.entry(
                    "java/util/Map",
                    Set.of(
                            "size",
                            "isEmpty",
                            "containsKey",
                            "containsValue",
                            "get",
                            "getOrDefault",
                            "equals",
                            "hashCode")),
            Map.entry(
                    "java/time/LocalDate",
                    Set.of(
                            "of",
                            "ofEpochDay",
                            "isBefore",
                            "isAfter",
                            "isEqual",
                            "equals",
                            "compareTo",
                            "hashCode",
                            "toString",
                            "plusDays",
                            "plusWeeks",
                            "plusMonths",
                            "plusYears",
                            "minusDays",
                            "minusWeeks",
                            "minusMonths",
                            "minusYears",
                            "getYear",
                            "getMonthValue",
                            "getMonth",
                            "getDayOfMonth",
                            "getDayOfWeek",
                            "getDayOfYear",
                            "lengthOfMonth",
                            "toEpochDay",
                            "until")),
            Map.entry(
                    "java/time/Duration",
                    Set.of(
                            "ofDays",
                            "ofHours",
                            "ofMinutes",
                            "ofSeconds",
                            "toDays",
                            "toHours",
                            "toMinutes",
                            "toSeconds",
                            "getSeconds",
                            "toMillis",
                            "isNegative",
                            "isZero",
                            "plus",
                            "minus",
                            "compareTo",
                            "equals",
                            "hashCode",
                            "toString",
                            "between")),
            Map.entry(
                    "java/time/Period",
                    Set.of(
                            "ofDays",
                            "ofWeeks",
                            "ofMonths",
                            "ofYears",
                            "getDays",
                            "getMonths",
                            "getYears",
                            "toTotalMonths",
                            "isNegative",
                            "isZero",
                            "between",
                            "equals",
                            "hashCode",
                            "toString")),
            Map.entry(
                    "java/time/Instant",
                    Set.of(
                            "isBefore",
                            "isAfter",
                            "compareTo",
                            "equals",
                            "hashCode",
                            "toString",
                            "toEpochMilli",
                            "getEpochSecond",
                            "plus",
                            "minus")),
            Map.entry("java/time/temporal/ChronoUnit", Set.of("between", "values", "valueOf", "name", "ordinal")),
            Map.entry("java/time/DayOfWeek", Set.of("getValue", "name", "ordinal", "values", "valueOf")),
            Map.entry("java/time/Month", Set.of("getValue", "name", "ordinal", "values", "valueOf")));

    /** JDK static fields rules may read: constants only. */
    static final Map<String, Set<String>> JDK_CONSTANTS = Map.ofEntries(
            Map.entry("java/lang/Integer", Set.of("MAX_VALUE", "MIN_VALUE", "TYPE")),
            Map.entry("java/lang/Long", Set.of("MAX_VALUE", "MIN_VALUE", "TYPE")),
            Map.entry(
                    "java/lang/Double",
                    Set.of("MAX_VALUE", "MIN_VALUE", "NaN", "POSITIVE_INFINITY", "NEGATIVE_INFINITY", "TYPE")),
            Map.entry("java/lang/Float", Set.of("MAX_VALUE", "MIN_VALUE", "TYPE")),
            Map.entry("java/lang/Short", Set.of("TYPE")),
            Map.entry("java/lang/Byte", Set.of("TYPE")),
            Map.entry("java/lang/Character", Set.of("TYPE")),
            Map.entry("java/lang/Boolean", Set.of("TRUE", "FALSE", "TYPE")),
            Map.entry("java/lang/Math", Set.of("PI", "E")),
            Map.entry("java/time/temporal/ChronoUnit", Set.of("DAYS", "WEEKS", "MONTHS", "YEARS")),
            Map.entry(
                    "java/time/DayOfWeek",
                    Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")),
            Map.entry(
                    "java/time/Month",
                    Set.of(
                            "JANUARY",
                            "FEBRUARY",
                            "MARCH",
                            "APRIL",
                            "MAY",
                            "JUNE",
                            "JULY",
                            "AUGUST",
                            "SEPTEMBER",
                            "OCTOBER",
                            "NOVEMBER",
                            "DECEMBER")));

    /**
     * What a consequence may ask of Drools: insert, insert logically, update (also what {@code modify} compiles to)
     * and delete a fact, and the comparisons the executable model compiles constraints to. {@code kcontext} may be
     * passed on (to the fact model's factories), never called.
     */
    static final Map<String, Set<String>> DROOLS_METHODS = Map.ofEntries(
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
            Map.entry("org/drools/modelcompiler/consequence/DroolsImpl", Set.of("asKnowledgeHelper")),
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insertLogical")),
            Map.entry("org/drools/model/bitmask/AllSetBitMask", Set.of("get")),
            Map.entry("org/drools/model/bitmask/AllSetButLastBitMask", Set.of("get")),
            Map.entry("org/drools/model/bitmask/EmptyBitMask", Set.of("get")),
            Map.entry("org/drools/model/BitMask", Set.of("getPatternMask", "set")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("org/drools/model/functions/PredicateInformation", Set.of("<init>", "addRuleNames")),
            Map.entry(
                    "org/drools/modelcompiler/util/EvaluationUtil",
                    Set.of(
                            "areNullSafeEquals",
                            "areNumbersNullSafeEquals",
                            "greaterThan",
                            "greaterThanNumbers",
                            "greaterOrEqual",
                            "greaterOrEqualNumbers",
                            "lessThan",
                            "lessThanNumbers",
                            "lessOrEqual",
                            "lessOrEqualNumbers",
                            "toBigDecimal",
                            "toBigInteger")),
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of("eval")));

    /**
     * The operators of constraints that rules may use ({@code in}, {@code contains}, {@code memberOf},
     * {@code str[startsWith]} ...), read as their {@code INSTANCE} and applied through {@code D.eval}. Not
     * {@code matches} (a regular expression can take exponential time) nor {@code soundslike}.
     */
    static final Set<String> OPERATORS = Set.of(
            "org/drools/model/operators/InOperator",
            "org/drools/model/operators/ContainsOperator",
            "org/drools/model/operators/ExcludesOperator",
            "org/drools/model/operators/MemberOfOperator",
            "org/drools/model/operators/StringStartsWithOperator",
            "org/drools/model/operators/StringEndsWithOperator",
            "org/drools/model/operators/StringLengthWithOperator");

    /** Types code may name (cast to, test with instanceof, take as a class literal) beyond those with members above. */
    static final Set<String> NAMEABLE_TYPES = Set.of(
            "java/lang/Object",
            "java/lang/String",
            "java/lang/Number",
            "java/util/Collection",
            "java/util/List",
            "java/util/Set",
            "java/util/Map",
            "org/kie/api/runtime/rule/RuleContext",
            "org/drools/model/Drools",
            "org/drools/modelcompiler/consequence/DroolsImpl",
            "org/drools/core/rule/consequence/KnowledgeHelper");

    /** Types the generated structural code may name (its builders' types), besides the rules' own. */
    static final String STRUCTURE_TYPES = "org/drools/model/";

    private static final Set<String> MODEL_BUILDERS = Set.of(
            "accFunction",
            "accumulate",
            "and",
            "any",
            "declarationOf",
            "eval",
            "execute",
            "exists",
            "expr",
            "forall",
            "from",
            "globalOf",
            "groupBy",
            "not",
            "on",
            "or",
            "reactOn",
            "supply",
            "typeMetaData",
            "valueOf",
            "pattern",
            "rule",
            "alphaIndexedBy",
            "betaIndexedBy",
            "when",
            "combineExprs");

    /**
     * What the structural code Drools generates around the rules (rule definitions, fact metadata, the project
     * model) may call: the builders of the executable model and a little of the JDK. Rule expressions never get
     * these; a builder that runs scripts, reads entry points or windows, or handles time is not among them.
     */
    static final Map<String, Set<String>> STRUCTURE_METHODS = Map.ofEntries(
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", MODEL_BUILDERS),
            Map.entry("org/drools/model/DSL", MODEL_BUILDERS),
            Map.entry("org/drools/model/PatternDSL", MODEL_BUILDERS),
            Map.entry(
                    "org/drools/model/PatternDSL$PatternDef",
                    Set.of("and", "bind", "endAnd", "endOr", "expr", "or", "passive", "watch")),
            Map.entry("org/drools/model/impl/RuleBuilder", Set.of("attribute", "build", "metadata")),
            Map.entry("org/drools/model/functions/accumulate/AccumulateFunction", Set.of("as")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("java/lang/Object", Set.of("<init>", "equals")),
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf")),
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/lang/String", Set.of("equals", "hashCode")),
            Map.entry("java/lang/RuntimeException", Set.of("<init>")),
            Map.entry("java/lang/IllegalArgumentException", Set.of("<init>")),
            Map.entry(
                    "java/lang/invoke/SerializedLambda",
                    Set.of(
                            "getFunctionalInterfaceClass",
                            "getFunctionalInterfaceMethodName",
                            "getFunctionalInterfaceMethodSignature",
                            "getImplClass",
                            "getImplMethodKind",
                            "getImplMethodName",
                            "getImplMethodSignature",
                            "getCapturedArg")),
            Map.entry(
                    "java/time/format/DateTimeFormatterBuilder",
                    Set.of("<init>", "appendPattern", "parseCaseInsensitive", "toFormatter")),
            Map.entry("java/util/ArrayList", Set.of("<init>")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/Collections", Set.of("emptyList")),
            Map.entry("java/util/List", Set.of("add")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/api/builder/model/KieModuleModel", Set.of("newKieBaseModel")),
            Map.entry(
                    "org/kie/api/builder/model/KieBaseModel",
                    Set.of(
                            "addPackage",
                            "newKieSessionModel",
                            "setDefault",
                            "setEventProcessingMode",
                            "setMutability")),
            Map.entry("org/kie/api/builder/model/KieSessionModel", Set.of("setClockType", "setDefault", "setType")),
            Map.entry("org/kie/api/runtime/conf/ClockTypeOption", Set.of("get")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")));

    /** Consequence builders ({@code ConsequenceBuilder$_0} to {@code $_24}) take a block with {@code execute}. */
    static final String CONSEQUENCE_BUILDER = "org/drools/model/consequences/ConsequenceBuilder$_";

    /** Static fields the structural code reads besides its own and the executable model's. */
    static final Map<String, Set<String>> STRUCTURE_FIELDS = Map.ofEntries(
            Map.entry("java/util/Locale", Set.of("ENGLISH")),
            Map.entry("org/kie/api/builder/model/KieSessionModel$KieSessionType", Set.of("STATEFUL", "STATELESS")),
            Map.entry("org/kie/api/conf/EventProcessingOption", Set.of("CLOUD")),
            Map.entry("org/kie/api/conf/KieBaseMutabilityOption", Set.of("ALLOWED", "DISABLED")),
            Map.entry(
                    "org/drools/model/Index$ConstraintType",
                    Set.of(
                            "EQUAL",
                            "NOT_EQUAL",
                            "GREATER_THAN",
                            "GREATER_OR_EQUAL",
                            "LESS_THAN",
                            "LESS_OR_EQUAL",
                            "FORALL_SELF_JOIN",
                            "RANGE",
                            "UNKNOWN")),
            Map.entry(
                    "org/drools/model/Rule$Attribute",
                    Set.of(
                            "NO_LOOP",
                            "LOCK_ON_ACTIVE",
                            "SALIENCE",
                            "ENABLED",
                            "AUTO_FOCUS",
                            "AGENDA_GROUP",
                            "ACTIVATION_GROUP",
                            "RULEFLOW_GROUP")));

    /** The accumulate functions rules may use, as the classes whose constructors the generated code refers to. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of(
            "org/drools/core/base/accumulators/CountAccumulateFunction",
            "org/drools/core/base/accumulators/SumAccumulateFunction",
            "org/drools/core/base/accumulators/IntegerSumAccumulateFunction",
            "org/drools/core/base/accumulators/LongSumAccumulateFunction",
            "org/drools/core/base/accumulators/AverageAccumulateFunction",
            "org/drools/core/base/accumulators/NumericMaxAccumulateFunction",
            "org/drools/core/base/accumulators/NumericMinAccumulateFunction",
            "org/drools/core/base/accumulators/IntegerMaxAccumulateFunction",
            "org/drools/core/base/accumulators/IntegerMinAccumulateFunction",
            "org/drools/core/base/accumulators/LongMaxAccumulateFunction",
            "org/drools/core/base/accumulators/LongMinAccumulateFunction",
            "org/drools/core/base/accumulators/MaxAccumulateFunction",
            "org/drools/core/base/accumulators/MinAccumulateFunction",
            "org/drools/core/base/accumulators/CollectListAccumulateFunction",
            "org/drools/core/base/accumulators/CollectSetAccumulateFunction",
            "org/drools/core/base/accumulators/CountDistinctAccumulateFunction");

    /** At most this many string concatenations in one generated method: each can double a string's length. */
    static final int MAX_CONCATENATIONS = 8;

    /** Arrays in rule code come only from varargs calls: at most this many elements, the count a constant. */
    static final int MAX_ARRAY_LENGTH = 32;

    private RuleCodeAllowList() {}

    static boolean isOpenType(String internalName) {
        if (OPEN_TYPES.contains(internalName)) {
            return true;
        }
        for (String open : OPEN_PACKAGES) {
            if (internalName.startsWith(open) && internalName.indexOf('/', open.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.HashSet<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
