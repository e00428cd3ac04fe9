package dev.pathwise.engine.policy.sandbox;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * Finds where a member named by bytecode is declared: {@code Assessment.getClass()} is {@code Object}'s
 * {@code getClass}, so it is judged as {@code Object}'s member, not as the fact's. Classes are looked up without
 * being initialized.
 */
final class MemberResolver {

    /** Where a member is declared and whether it is public. */
    record Declared(String owner, boolean isPublic) {}

    private final ClassLoader loader;

    MemberResolver(ClassLoader loader) {
        this.loader = loader;
    }

    /** The declaration of a method or constructor as bytecode names it, or null when there is none. */
    Declared method(String owner, String name, String descriptor) {
        Class<?> type = load(owner);
        if (type == null) {
            return null;
        }
        if (name.equals("<init>")) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Type.getConstructorDescriptor(constructor).equals(descriptor)) {
                    return declared(constructor);
                }
            }
            return null;
        }
        Deque<Class<?>> toVisit = new ArrayDeque<>();
        Set<Class<?>> visited = new HashSet<>();
        toVisit.add(type);
        while (!toVisit.isEmpty()) {
            Class<?> current = toVisit.poll();
            if (!visited.add(current)) {
                continue;
            }
            for (Method method : current.getDeclaredMethods()) {
                if (method.getName().equals(name)
                        && Type.getMethodDescriptor(method).equals(descriptor)
                        && !method.isBridge()) {
                    return declared(method);
                }
            }
            if (current.getSuperclass() != null) {
                toVisit.add(current.getSuperclass());
            }
            toVisit.addAll(java.util.List.of(current.getInterfaces()));
        }
        if (type.isInterface()) {
            return method("java/lang/Object", name, descriptor);
        }
        return null;
    }

    /** The declaration of a field as bytecode names it, or null when there is none. */
    Declared field(String owner, String name) {
        for (Class<?> current = load(owner); current != null; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return new Declared(
                            Type.getInternalName(current),
                            Modifier.isPublic(field.getModifiers()) && Modifier.isPublic(current.getModifiers()));
                }
            }
        }
        return null;
    }

    private static Declared declared(Executable member) {
        Class<?> owner = member.getDeclaringClass();
        return new Declared(
                Type.getInternalName(owner),
                Modifier.isPublic(member.getModifiers()) && Modifier.isPublic(owner.getModifiers()));
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
