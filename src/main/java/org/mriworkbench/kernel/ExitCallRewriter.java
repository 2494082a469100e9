package org.mriworkbench.kernel;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Points a class file's {@code java/lang/System.exit(I)V} method references at {@link CellExit#exit(int)}, so that
 * a cell's {@code System.exit} ends the cell, not the kernel (see {@link CellExit} for why this way).
 *
 * <p>Only the constant pool changes: two entries are appended (the name {@code org/mriworkbench/kernel/CellExit} and
 * a class entry for it) and each matching method reference's class index is pointed at the new class entry. The
 * method's name and descriptor are the same, both methods are static, and no instruction, offset or other index moves,
 * so the code, the stack map frames and every other attribute stay valid. A class without such a call is returned
 * unchanged, byte for byte.
 */
final class ExitCallRewriter {

    private static final String SYSTEM = "java/lang/System";
    private static final String TARGET = CellExit.class.getName().replace('.', '/');

    private ExitCallRewriter() {
    }

    /** {@code classFile} with its {@code System.exit} calls redirected, or {@code classFile} itself if it has none. */
    static byte[] rewrite(byte[] classFile) {
        ByteBuffer in = ByteBuffer.wrap(classFile);
        if (classFile.length < 10 || in.getInt(0) != 0xCAFEBABE) {
            return classFile;
        }
        int count = Short.toUnsignedInt(in.getShort(8));
        int[] offset = new int[count];
        int[] tag = new int[count];
        String[] utf8 = new String[count];
        int p = 10;
        for (int i = 1; i < count; i++) {
            offset[i] = p;
            tag[i] = classFile[p] & 0xFF;
            switch (tag[i]) {
                case 1 -> {
                    int len = Short.toUnsignedInt(in.getShort(p + 1));
                    utf8[i] = modifiedUtf8(classFile, p + 3, len);
                    p += 3 + len;
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 5;
                case 5, 6 -> {
                    p += 9;
                    i++; // longs and doubles take two slots
                }
                case 7, 8, 16, 19, 20 -> p += 3;
                case 15 -> p += 4;
                default -> {
                    return classFile; // a constant this JDK's javac does not write: leave the class alone
                }
            }
        }
        int poolEnd = p;
        List<Integer> exitRefs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] != 10) {
                continue;
            }
            int cls = Short.toUnsignedInt(in.getShort(offset[i] + 1));
            int nat = Short.toUnsignedInt(in.getShort(offset[i] + 3));
            if (tag[cls] != 7 || tag[nat] != 12) {
                continue;
            }
            String owner = utf8[Short.toUnsignedInt(in.getShort(offset[cls] + 1))];
            String name = utf8[Short.toUnsignedInt(in.getShort(offset[nat] + 1))];
            String desc = utf8[Short.toUnsignedInt(in.getShort(offset[nat] + 3))];
            if (SYSTEM.equals(owner) && "exit".equals(name) && "(I)V".equals(desc)) {
                exitRefs.add(i);
            }
        }
        if (exitRefs.isEmpty() || count + 2 > 0xFFFF) {
            return classFile;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + TARGET.length() + 8);
            DataOutputStream d = new DataOutputStream(out);
            d.write(classFile, 0, 8);
            d.writeShort(count + 2);
            byte[] pool = java.util.Arrays.copyOfRange(classFile, 10, poolEnd);
            for (int ref : exitRefs) {
                int at = offset[ref] + 1 - 10;
                pool[at] = (byte) (count + 1 >> 8); // the new class entry's index
                pool[at + 1] = (byte) (count + 1);
            }
            d.write(pool);
            d.writeByte(1);
            d.writeUTF(TARGET); // index count: the class name
            d.writeByte(7);
            d.writeShort(count); // index count + 1: the class
            d.write(classFile, poolEnd, classFile.length - poolEnd);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A constant-pool string; class and method names are plain ASCII in practice, so this only needs to not fail. */
    private static String modifiedUtf8(byte[] b, int from, int len) {
        return new String(b, from, len, StandardCharsets.UTF_8);
    }
}
