package io.oslo4j.rpc.wire;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * The polymorphic type validator of {@link OsloJson}: a message never names a Java class.
 * A parameter type annotated {@code @JsonTypeInfo(use = Id.CLASS)} (or
 * {@code MINIMAL_CLASS}) would otherwise let the message pick any class on the class path
 * for Jackson to load (and initialize) before it checks that the class is a subtype of
 * the declared type, and Jackson's error would tell the caller whether the class exists.
 * Every class-name type id is refused before any class is looked up, with the same answer
 * whatever the name. Logical type names ({@code @JsonTypeInfo(use = Id.NAME)} with
 * {@code @JsonSubTypes}) are a closed set the type itself declares and are not affected.
 */
final class ClassNameTypeIds extends PolymorphicTypeValidator.Base {

	static final ClassNameTypeIds INSTANCE = new ClassNameTypeIds();

	private static final long serialVersionUID = 1L;

	static final String REFUSED = "a message may not name a Java class; "
			+ "give the type @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead of Id.CLASS";

	private ClassNameTypeIds() {
	}

	@Override
	public Validity validateBaseType(DatabindContext context, JavaType baseType) {
		return Validity.INDETERMINATE;
	}

	@Override
	public Validity validateSubClassName(DatabindContext context, JavaType baseType, String subClassName) {
		if (context instanceof DeserializationContext deserialization) {
			throw deserialization.invalidTypeIdException(baseType, subClassName, REFUSED);
		}
		return Validity.DENIED;
	}

	@Override
	public Validity validateSubType(DatabindContext context, JavaType baseType, JavaType subType) {
		return Validity.DENIED;
	}

}
